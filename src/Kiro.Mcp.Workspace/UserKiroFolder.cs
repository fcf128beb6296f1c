namespace Kiro.Mcp.Workspace;

/// <summary>
/// The user's own Kiro folder (<c>~/.kiro</c>), where Kiro keeps global steering and hooks. The server only
/// reads its steering and hooks; what is written there is the trust list, by the <c>kiro-mcp trust</c> and
/// <c>untrust</c> commands (<see cref="TrustList"/>), and the server's audit logs under <c>kiro-mcp/data</c> unless
/// a team configuration names another data folder. <c>KIRO_MCP_USER_DIR</c> overrides it, so tests point it at a temporary
/// folder instead of the real home; <see cref="Path"/> is null when there is no home folder at all.
/// </summary>
public sealed class UserKiroFolder(string? path)
{
    public const string EnvironmentVariable = "KIRO_MCP_USER_DIR";

    public string? Path { get; } = string.IsNullOrWhiteSpace(path) ? null : System.IO.Path.GetFullPath(path);

    public static UserKiroFolder FromEnvironment()
    {
        var overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return new UserKiroFolder(overridden);
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new UserKiroFolder(string.IsNullOrEmpty(home) ? null : System.IO.Path.Combine(home, ".kiro"));
    }

    /// <summary>A sub-folder such as "steering" or "hooks", or null when there is no user folder.</summary>
    public string? Folder(string name) => Path is null ? null : System.IO.Path.Combine(Path, name);
}
