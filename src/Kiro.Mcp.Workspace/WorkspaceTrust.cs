namespace Kiro.Mcp.Workspace;

/// <summary>
/// Whether the served workspace may run code from its own files: command hooks, task verification commands,
/// MSBuild evaluation of its projects. It is the user's decision, made outside the repository: <c>--trust</c>
/// for one server process, or the workspace's canonical path in the user's <see cref="TrustList"/>. The list
/// is read at every check, so <c>kiro-mcp trust</c> and <c>untrust</c> take effect without a restart. A list
/// that lies inside the workspace is ignored: nothing under the workspace is ever read for trust.
/// </summary>
/// <param name="command">
/// How the user runs this server, as they would type it (<c>kiro-mcp</c> for the installed tool,
/// <c>dotnet /path/Kiro.Mcp.Server.dll</c> for a build), so the refusal's "run … trust" works as written.
/// </param>
public sealed class WorkspaceTrust(WorkspaceRoot root, TrustList list, bool trustedForThisProcess, string command = WorkspaceTrust.ToolCommand)
{
    /// <summary>The installed tool's command.</summary>
    public const string ToolCommand = "kiro-mcp";

    public const string Option = "--trust";

    // Paths are compared as the platform's file systems compare them by default.
    internal static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The workspace's canonical path: what the trust list holds.</summary>
    public string WorkspacePath => root.FullPath;

    public bool IsTrusted => Decide().Trusted;

    /// <summary>
    /// True on a team server, where users with different roles reach the workspace: a command that anyone who
    /// may write a document can put into it (a task's <c>_Verify:</c> line) runs only from a version an
    /// approver signed off, since writing is not the same right as running code on the server.
    /// </summary>
    public bool SignedOffCommandsOnly { get; init; }

    public TrustDecision Decide()
    {
        if (trustedForThisProcess)
        {
            return new TrustDecision(true, $"The server was started with {Option}.");
        }
        if (list.FilePath is null)
        {
            return new TrustDecision(false, "There is no user folder to hold a trust list.");
        }
        if (InsideWorkspace(list.FilePath))
        {
            return new TrustDecision(false, "Not trusted.", $"The trust list '{list.FilePath}' lies inside this workspace, so it is ignored.");
        }
        try
        {
            return list.Read().Contains(root.FullPath, PathComparer)
                ? new TrustDecision(true, $"Listed in {list.FilePath}.")
                : new TrustDecision(false, $"Not listed in {list.FilePath}.");
        }
        catch (KiroException e)
        {
            return new TrustDecision(false, "Not trusted.", e.Message);
        }
    }

    /// <summary>One sentence that says exactly how to trust this workspace.</summary>
    public string HowToTrust => $"To trust it, run `{command} trust {ShellQuote(root.FullPath)}` (or start the server with {Option}).";

    /// <summary>"This workspace is not trusted, so {what}. To trust it, …": for a note or a refusal.</summary>
    public string Untrusted(string what)
    {
        var decision = Decide();
        return $"This workspace is not trusted, so {what}. {HowToTrust}{(decision.Problem is null ? "" : " " + decision.Problem)}";
    }

    /// <summary>The tool error for an action that needs trust.</summary>
    public KiroException Refusal(string what) => new("workspace_untrusted", Untrusted(what));

    /// <summary>
    /// True when the list (or the folder it would be in, through links) is under the workspace: a user folder set
    /// inside the repository, or the repository being the home folder, must not let the repository vouch for itself.
    /// </summary>
    private bool InsideWorkspace(string file)
    {
        var path = Path.GetFullPath(file);
        try
        {
            // Only a link is resolved: a list that does not exist yet is placed by its folder below.
            if (new FileInfo(path).LinkTarget is not null && File.ResolveLinkTarget(path, returnFinalTarget: true) is { } target)
            {
                path = target.FullName;
            }
            // Resolve the nearest existing folder's links; the rest of the path is kept as written.
            var folder = Path.GetDirectoryName(path);
            var rest = Path.GetFileName(path);
            while (folder is not null && !Directory.Exists(folder))
            {
                rest = Path.Join(Path.GetFileName(folder), rest);
                folder = Path.GetDirectoryName(folder);
            }
            if (folder is not null)
            {
                path = Path.Join(new WorkspaceRoot(folder).FullPath, rest);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KiroException)
        {
            // A list whose place cannot be resolved cannot be shown to be outside: treat it as inside.
            return true;
        }
        return path.Equals(root.FullPath, StringComparison.Ordinal) || root.IsInside(path);
    }

    /// <summary>A path as a shell takes it: bare when it is plain, quoted otherwise.</summary>
    public static string ShellQuote(string path)
    {
        if (path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '\\' or '.' or '_' or '-' or ':'))
        {
            return path;
        }
        return OperatingSystem.IsWindows() ? $"\"{path}\"" : $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }
}
