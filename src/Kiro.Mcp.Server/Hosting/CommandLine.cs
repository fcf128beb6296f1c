using System.CommandLine;
using System.Net;
using Kiro.Mcp.Server.Http;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;
using Serilog.Events;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>The command line: parses arguments into <see cref="ServerSettings"/> and runs the chosen transport.</summary>
public static class CommandLine
{
    public const string TokenVariable = "KIRO_MCP_TOKEN";

    /// <summary>Parses and runs the command line, as the executable does.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Create().Parse(args);
        // A CI gate reads exit 1 as "findings"; a mistyped option must not look like that, so check and impact exit 2 for it.
        if (parsed.Errors.Count > 0 && parsed.CommandResult.Command.Name is CheckCommands.Name or ImpactCommands.Name)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"kiro-mcp {parsed.CommandResult.Command.Name}: {error.Message}");
            }
            return 2;
        }
        return await parsed.InvokeAsync();
    }

    /// <param name="extensions">
    /// Extra MCP registrations served beside Kiro's tools, resources and prompts, through the same transports,
    /// filters and auth. The server passes none; the conformance test host adds the suite's fixtures.
    /// </param>
    public static RootCommand Create(Action<IMcpServerBuilder>? extensions = null)
    {
        var workspace = new Option<string[]>("--workspace", "-w")
        {
            Description = "A workspace (repository) to serve, as PATH (named after its folder) or NAME=PATH; repeat for several. The first is the default. Default: the current directory.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var workspaces = new Option<DirectoryInfo[]>("--workspaces")
        {
            Description = "Serve every repository (folder with .git or .kiro) directly under DIR, including ones added later; each is loaded on first use.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var idleUnload = new Option<int>("--idle-unload")
        {
            Description = "Seconds a workspace from --workspaces stays loaded after its last use. Default 600.",
            DefaultValueFactory = _ => 600,
        };
        var stdio = new Option<bool>("--stdio") { Description = "Serve MCP over stdin/stdout, for desktop clients (the default)." };
        var http = new Option<bool>("--http") { Description = "Serve MCP over Streamable HTTP at /mcp." };
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on with --http. Default 127.0.0.1; any other address requires --token or an auth section in --config.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port", "-p") { Description = "Port for --http; 0 picks a free port. Default 3001.", DefaultValueFactory = _ => 3001 };
        var stateless = new Option<bool>("--stateless") { Description = "HTTP without sessions: no subscriptions, notifications or in-client approval prompts." };
        var token = new Option<string[]>("--token")
        {
            Description = $"Require 'Authorization: Bearer <secret>' over HTTP. NAME=SECRET names the user recorded in approvals; repeat for several users. Also read from {TokenVariable}.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var config = new Option<FileInfo?>("--config")
        {
            Description = "A team server's configuration file (JSON): the token issuer, roles per workspace, limits per user, the data folder. See docs/team.md.",
        };
        var noCommandHooks = new Option<bool>("--no-command-hooks") { Description = "Never run command hooks from .kiro/hooks or ~/.kiro/hooks; agent hooks still reach the assistant." };
        var maxMessageBytes = new Option<int>("--max-message-bytes")
        {
            Description = "Largest message accepted, in bytes: a stdin line (stdio) or a request body (HTTP). Default 4 MiB.",
            DefaultValueFactory = _ => ServerSettings.DefaultMaxMessageBytes,
        };
        var trust = new Option<bool>(WorkspaceTrust.Option)
        {
            Description = "Trust the workspace for this process only: its command hooks, task verification commands and MSBuild evaluation may run. 'kiro-mcp trust PATH' trusts it for good.",
        };
        var logFile = new Option<FileInfo?>("--log-file") { Description = "Also write logs to this file (rolled daily). Logs always go to stderr." };
        var logLevel = new Option<LogEventLevel>("--log-level") { Description = "Minimum log level. Default Information.", DefaultValueFactory = _ => LogEventLevel.Information };

        var root = new RootCommand("Kiro.Mcp: Kiro-style spec-driven development (specs, approvals, tasks) for any MCP client.")
        {
            workspace, workspaces, idleUnload, config, stdio, http, host, port, stateless, token, noCommandHooks, trust, maxMessageBytes, logFile, logLevel,
        };
        root.Subcommands.Add(TrustCommands.Trust());
        root.Subcommands.Add(TrustCommands.Untrust());
        root.Subcommands.Add(AuditCommands.Audit());
        root.Subcommands.Add(CheckCommands.Check());
        root.Subcommands.Add(ImpactCommands.Impact());
        root.Subcommands.Add(DashboardCommands.Dashboard());
        root.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(stdio) && result.GetValue(http))
            {
                await Console.Error.WriteLineAsync("Choose one transport: --stdio or --http.");
                return 2;
            }
            var (tokens, tokenProblem) = ParseTokens(result.GetValue(token) ?? [], Environment.GetEnvironmentVariable(TokenVariable));
            // Tokens guard HTTP only: a stray KIRO_MCP_TOKEN must not stop a desktop client's stdio server.
            if (tokenProblem is not null && result.GetValue(http))
            {
                await Console.Error.WriteLineAsync(tokenProblem);
                return 2;
            }
            var folders = (result.GetValue(workspaces) ?? []).Select(d => d.FullName).ToList();
            var (entries, workspaceProblem) = ParseWorkspaces(result.GetValue(workspace) ?? [], folders.Count == 0 ? Environment.CurrentDirectory : null);
            if (workspaceProblem is not null)
            {
                await Console.Error.WriteLineAsync(workspaceProblem);
                return 2;
            }
            Team.TeamConfig? team = null;
            if (result.GetValue(config) is { } configFile)
            {
                (team, var configProblem) = Team.TeamConfig.Load(configFile.FullName);
                if (configProblem is not null)
                {
                    await Console.Error.WriteLineAsync(configProblem);
                    return 2;
                }
            }
            var settings = new ServerSettings
            {
                Team = team,
                Workspaces = entries,
                WorkspaceFolders = folders,
                IdleUnload = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(idleUnload))),
                Http = result.GetValue(http),
                Host = result.GetValue(host)!,
                Port = result.GetValue(port),
                Stateless = result.GetValue(stateless),
                Tokens = tokens,
                NoCommandHooks = result.GetValue(noCommandHooks),
                MaxMessageBytes = result.GetValue(maxMessageBytes),
                Trust = result.GetValue(trust),
                Command = ServerCommand.Current,
                LogFile = result.GetValue(logFile)?.FullName,
                LogLevel = result.GetValue(logLevel),
            };
            if (Validate(settings) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }
            return settings.Http
                ? await HttpServer.RunAsync(settings, extensions, cancellationToken)
                : await StdioServer.RunAsync(settings, extensions, cancellationToken);
        });
        return root;
    }

    /// <summary>
    /// Each <c>--workspace</c> value, <c>PATH</c> or <c>NAME=PATH</c>, as a named full path; with none given,
    /// <paramref name="fallback"/> (the current directory) when there is one. Two workspaces with one name
    /// are refused: a client could not tell them apart.
    /// </summary>
    internal static (IReadOnlyList<WorkspaceEntry> Entries, string? Problem) ParseWorkspaces(IReadOnlyList<string> values, string? fallback)
    {
        var entries = new List<WorkspaceEntry>();
        foreach (var value in values.Count == 0 && fallback is not null ? [fallback] : values)
        {
            var split = value.IndexOf('=', StringComparison.Ordinal);
            // NAME=PATH only when what precedes '=' can be a name: a path may contain '=' too.
            var named = split > 0 && WorkspaceName.IsValid(value[..split]);
            if (split > 0 && !named && !Directory.Exists(value))
            {
                return (entries, $"--workspace {value}: {WorkspaceName.Problem(value[..split])}");
            }
            var path = Path.GetFullPath(named ? value[(split + 1)..] : value);
            var name = named ? value[..split] : WorkspaceName.FromPath(path);
            if (entries.FirstOrDefault(e => e.Name == name) is { } other)
            {
                return (entries, $"Two workspaces are named '{name}' ({other.Path} and {path}). Name one of them: --workspace OTHER-NAME={path}");
            }
            entries.Add(new WorkspaceEntry(name, path));
        }
        return (entries, null);
    }

    /// <summary>
    /// "alice=s3cret" names the user; a bare secret is the user "token". Fails closed: a value that cannot be
    /// what the user meant (an empty secret from an unset <c>alice=$SECRET</c>, a blank variable, a secret with
    /// spaces) refuses to start rather than serving with a guessable or half-configured token. The problem
    /// names the user and where the token came from, never the secret.
    /// </summary>
    internal static (IReadOnlyDictionary<string, string> UsersBySecret, string? Problem) ParseTokens(IEnumerable<string> values, string? environment)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = values.Select((value, index) => (Value: value, Source: $"--token #{index + 1}")).ToList();
        if (environment is not null)
        {
            sources.Add((environment, TokenVariable));
        }
        foreach (var (value, source) in sources)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return (tokens, $"{source} is empty. Pass --token NAME=SECRET with a secret of at least {BearerTokenRules.LoopbackMinimumLength} characters, or leave {TokenVariable} unset.");
            }
            var split = value.IndexOf('=', StringComparison.Ordinal);
            var (user, secret) = split >= 0 ? (value[..split], value[(split + 1)..]) : ("token", value);
            if (BearerTokenRules.UserProblem(user) is { } userProblem)
            {
                return (tokens, $"{source}: {userProblem} Write it as NAME=SECRET.");
            }
            if (BearerTokenRules.SecretProblem(secret) is { } secretProblem)
            {
                var hint = secret.Length == 0 ? " A bare secret that ends with '=' (base64 padding) is read as NAME=: write it as token=SECRET." : "";
                return (tokens, $"{source}: the secret of user {Shown(user)} {secretProblem}{hint}");
            }
            if (tokens.TryGetValue(secret, out var other) && other != user)
            {
                return (tokens, $"{source}: users {Shown(other)} and {Shown(user)} have the same secret, so a request could not tell them apart. Give each user a secret of its own.");
            }
            tokens[secret] = user;
        }
        return (tokens, null);
    }

    /// <summary>
    /// A user name for a message. A long "name" may be a bare base64 secret whose padding '=' was read as the
    /// separator, so it is not printed: messages never show a secret.
    /// </summary>
    private static string Shown(string user) =>
        user.Length < BearerTokenRules.LoopbackMinimumLength ? $"'{user}'" : "(the part before '=', not shown: it may be a secret)";

    internal static string? Validate(ServerSettings settings)
    {
        foreach (var entry in settings.Workspaces)
        {
            if (!Directory.Exists(entry.Path))
            {
                return $"The workspace '{entry.Path}' does not exist. Pass --workspace with an existing folder.";
            }
        }
        foreach (var folder in settings.WorkspaceFolders)
        {
            if (!Directory.Exists(folder))
            {
                return $"The folder '{folder}' does not exist. Pass --workspaces with an existing folder that holds repositories.";
            }
        }
        if (settings.MaxMessageBytes < 1024)
        {
            return $"--max-message-bytes {settings.MaxMessageBytes} is too small for any MCP message. Use at least 1024 (default {ServerSettings.DefaultMaxMessageBytes}).";
        }
        if (!settings.Http)
        {
            return null;
        }
        if (settings.Port is < 0 or > 65535)
        {
            return $"--port {settings.Port} is not a port. Use 0 to 65535.";
        }
        if (!settings.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(settings.Host, out _))
        {
            return $"--host '{settings.Host}' is not an IP address. Use 127.0.0.1 (the default), ::1, 0.0.0.0 for every interface, or one of this machine's addresses.";
        }
        if (!IsLoopback(settings.Host) && settings.Tokens.Count == 0 && settings.Team?.Auth is null)
        {
            return $"Listening on '{settings.Host}' exposes the workspace beyond this machine: pass --token NAME=SECRET (or set {TokenVariable}), " +
                "or name a token issuer in the 'auth' section of the --config file.";
        }
        if (settings.Team?.Auth?.ReadSigningKeys().Problem is { } keys)
        {
            return keys;
        }
        var minimum = IsLoopback(settings.Host) ? BearerTokenRules.LoopbackMinimumLength : BearerTokenRules.NetworkMinimumLength;
        foreach (var (secret, user) in settings.Tokens)
        {
            if (secret.Length < minimum)
            {
                return $"The secret of user {Shown(user)} has {secret.Length} characters; listening on '{settings.Host}' needs at least {minimum}. " +
                    "Generate one with: openssl rand -base64 32";
            }
        }
        return null;
    }

    internal static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
