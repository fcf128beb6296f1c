using System.Text.Json;

namespace Kiro.Mcp.Server.Team;

/// <summary>
/// The server configuration file (<c>--config FILE</c>) of a server run for a team: who may sign in (the
/// token issuer), what each user may do in each workspace, the limits per user, and where the server keeps
/// its own data (the audit log). docs/team.md describes every key. Without a file the server has no such
/// policy: stdio and loopback serve one local user with every role, as before.
/// </summary>
public sealed record TeamConfig
{
    /// <summary>The issuer of JWT access tokens; null: static --token secrets only (or none).</summary>
    public AuthConfig? Auth { get; init; }

    /// <summary>Policies by workspace name; <c>"*"</c> applies to every workspace without one of its own.</summary>
    // "set", not "init": source-generated JSON assigns every init-only property of the type, so a key absent from the
    // file would replace this default with null or 0; a settable property is assigned only when its key is present.
    public IReadOnlyDictionary<string, WorkspacePolicy> Workspaces { get; set; } = new Dictionary<string, WorkspacePolicy>();

    public RateLimitConfig? RateLimit { get; init; }

    /// <summary>Where the server keeps what is not the repository's: the audit logs. Default: ~/.kiro/kiro-mcp/data.</summary>
    public string? DataFolder { get; init; }

    /// <summary>The workspace's policy: its own, else the <c>"*"</c> one, else none (every user has every role).</summary>
    public WorkspacePolicy? PolicyFor(string workspace) =>
        Workspaces.TryGetValue(workspace, out var own) ? own : Workspaces.GetValueOrDefault("*");

    /// <summary>Reads the file; a problem comes back as a message naming the file and what to fix, never as a half-read policy.</summary>
    public static (TeamConfig? Config, string? Problem) Load(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, $"The configuration file '{path}' does not exist.");
            }
            if (info.Length > 1024 * 1024)
            {
                return (null, $"The configuration file '{path}' is over 1 MiB; a team policy is a few kilobytes.");
            }
            var config = JsonSerializer.Deserialize(File.ReadAllText(path), TeamConfigJsonContext.Default.TeamConfig);
            if (config is null)
            {
                return (null, $"The configuration file '{path}' is empty.");
            }
            // Paths in the file are relative to the file, not to wherever the server was started.
            if (config.Auth is { JwksFile: { } jwks } auth && !Path.IsPathRooted(jwks))
            {
                config = config with { Auth = auth with { JwksFile = Path.GetFullPath(jwks, Path.GetDirectoryName(Path.GetFullPath(path))!) } };
            }
            if (config.DataFolder is { } data && !Path.IsPathRooted(data))
            {
                config = config with { DataFolder = Path.GetFullPath(data, Path.GetDirectoryName(Path.GetFullPath(path))!) };
            }
            return (config, config.Problem());
        }
        catch (JsonException e)
        {
            return (null, $"The configuration file '{path}' is not valid: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"The configuration file '{path}' cannot be read: {e.Message}");
        }
    }

    /// <summary>The first inconsistency in an otherwise well-formed file, or null.</summary>
    private string? Problem()
    {
        foreach (var (name, policy) in Workspaces)
        {
            if (name != "*" && !Kiro.Mcp.Server.Workspaces.WorkspaceName.IsValid(name))
            {
                return $"workspaces.{name}: {Kiro.Mcp.Server.Workspaces.WorkspaceName.Problem(name)}";
            }
            if (policy.Problem() is { } problem)
            {
                return $"workspaces.{name}: {problem}";
            }
        }
        return Auth?.Problem() is { } auth ? $"auth: {auth}" : RateLimit?.Problem() is { } rate ? $"rateLimit: {rate}" : null;
    }
}
