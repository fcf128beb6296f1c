namespace Kiro.Mcp.Workspace;

/// <summary>
/// The folder everything is read from and written to. <see cref="Resolve"/> is the one gate every
/// caller-supplied path goes through: it refuses anything that is not a plain relative path, and
/// anything that reaches outside the workspace, including through symbolic links.
/// </summary>
public sealed class WorkspaceRoot
{
    internal const string Example = "Use a path relative to the workspace root, such as '.kiro/specs/my-feature/requirements.md'.";

    // Linux's own limit on links followed while resolving one path (ELOOP); it stops link cycles.
    private const int MaxLinkHops = 40;

    // Windows and macOS file systems ignore case by default, so "a.md" and "A.md" are one file there.
    internal static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    internal static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public WorkspaceRoot(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !Directory.Exists(path))
        {
            throw new KiroException("workspace_missing",
                $"The workspace folder '{path}' does not exist. Pass the path of an existing folder as the workspace.");
        }
        // The root itself is resolved once (e.g. macOS's /tmp -> /private/tmp) so that every later
        // comparison with resolved link targets is between canonical paths.
        FullPath = Path.TrimEndingDirectorySeparator(RealPath(Path.GetFullPath(path)));
    }

    public string FullPath { get; }

    /// <summary>The folder of Kiro's own files; it must be a real folder of the workspace, never a link.</summary>
    internal const string KiroFolder = ".kiro";

    /// <summary>
    /// What is wrong with the workspace as a whole, found when it is opened: today only a <c>.kiro</c>
    /// that is a symbolic link, which every read and write refuses. Null when nothing is.
    /// </summary>
    public string? Problem() =>
        new FileInfo(Path.Join(FullPath, KiroFolder)).LinkTarget is { } target ? KiroFolderLinked(target).Message : null;

    /// <summary>
    /// Opens a workspace file for reading by what is actually opened (see <see cref="ConfinedFiles"/>):
    /// null when there is no such file. Throws <see cref="KiroException"/> for a path that is refused or
    /// is a folder.
    /// </summary>
    public FileStream? OpenRead(string relativePath)
    {
        var physical = ResolveCore(relativePath).Physical;
        var (handle, isFolder) = ConfinedFiles.OpenRead(this, ToRelative(physical));
        if (isFolder)
        {
            throw new KiroException("path_invalid", $"'{relativePath}' is a folder, not a file.");
        }
        return handle is null ? null : new FileStream(handle, FileAccess.Read, 1);
    }

    /// <summary>The refusal for a <c>.kiro</c> that is a symbolic link, wherever it points.</summary>
    internal static KiroException KiroFolderLinked(string target) => new("kiro_folder_linked",
        $"The workspace's .kiro folder is a symbolic link (to '{target}'). Kiro.Mcp neither reads nor writes through it, so specs, steering and hooks cannot be redirected to another place. Replace the link with a real folder (move the files it points at into .kiro), then try again.");

    /// <summary>
    /// The full path of <paramref name="relativePath"/> inside the workspace, spelled as the caller
    /// spelled it (links are checked, not substituted). Throws <see cref="KiroException"/> with
    /// "path_invalid" or "path_outside_workspace".
    /// </summary>
    public string Resolve(string relativePath) => ResolveCore(relativePath).Lexical;

    /// <summary>The workspace-relative form of a full path inside the workspace, with '/' separators.</summary>
    public string ToRelative(string fullPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        var relative = Path.GetRelativePath(FullPath, Path.GetFullPath(fullPath));
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"'{fullPath}' is not inside the workspace '{FullPath}'.", nameof(fullPath));
        }
        return relative.Replace('\\', '/');
    }

    /// <summary>
    /// Both spellings of a checked path: <c>Lexical</c> as the caller wrote it under the root, and
    /// <c>Physical</c> with every existing link replaced by its target. Writes go to the physical
    /// path so that replacing a file by rename keeps a link inside the workspace a link.
    /// </summary>
    internal (string Lexical, string Physical) ResolveCore(string relativePath)
    {
        var segments = Validate(relativePath);
        var lexical = segments.Count == 0 ? FullPath : Path.Join(FullPath, string.Join(Path.DirectorySeparatorChar, segments));

        var physical = FullPath;
        var hops = 0;
        foreach (var segment in segments)
        {
            if (physical == FullPath && string.Equals(segment, KiroFolder, PathComparison)
                && new FileInfo(Path.Join(FullPath, segment)).LinkTarget is { } target)
            {
                throw KiroFolderLinked(target);
            }
            physical = Step(physical, segment, ref hops);
            if (!IsInside(physical))
            {
                throw Outside(
                    $"The path '{relativePath}' goes through a symbolic link that leads outside the workspace. {Example}");
            }
        }
        return (lexical, physical);
    }

    /// <summary>True when <paramref name="fullPath"/> (already free of links) is the root or under it.</summary>
    internal bool IsInside(string fullPath) =>
        string.Equals(fullPath, FullPath, PathComparison)
        || (fullPath.Length > FullPath.Length
            && fullPath.StartsWith(FullPath, PathComparison)
            && (fullPath[FullPath.Length] == Path.DirectorySeparatorChar || FullPath.EndsWith(Path.DirectorySeparatorChar)));

    /// <summary>
    /// The path with every existing link along it replaced by its final target; the parts that do not
    /// exist yet are kept as written.
    /// </summary>
    internal static string RealPath(string fullPath)
    {
        var hops = 0;
        return RealPath(fullPath, ref hops);
    }

    private static string RealPath(string fullPath, ref int hops)
    {
        var root = Path.GetPathRoot(fullPath) ?? throw new ArgumentException($"'{fullPath}' is not a full path.", nameof(fullPath));
        var current = root;
        foreach (var segment in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Step(current, segment, ref hops);
        }
        return current;
    }

    /// <summary>Appends one segment to an already resolved path and resolves it if it is a link.</summary>
    private static string Step(string resolvedParent, string segment, ref int hops)
    {
        if (segment == ".")
        {
            return resolvedParent;
        }
        if (segment == "..")
        {
            // Link targets may climb; the caller's own path never reaches here with "..".
            return Path.GetDirectoryName(resolvedParent) ?? resolvedParent;
        }

        var next = Path.Join(resolvedParent, segment);
        var target = new FileInfo(next).LinkTarget;
        if (target is null)
        {
            return next;
        }
        if (++hops > MaxLinkHops)
        {
            throw new KiroException("path_invalid",
                $"The path '{next}' goes through too many symbolic links (or a link cycle). Remove the cycle, or use a path without links.");
        }
        // A relative target is relative to the folder holding the link; GetFullPath collapses its "..".
        var absolute = Path.IsPathRooted(target) ? target : Path.Join(resolvedParent, target);
        return RealPath(Path.GetFullPath(absolute), ref hops);
    }

    private static List<string> Validate(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            throw new KiroException("path_invalid", $"The path is empty. {Example}");
        }
        var shown = Printable(relativePath);
        if (relativePath.Any(char.IsControl))
        {
            throw new KiroException("path_invalid",
                $"The path '{shown}' contains a control character (such as a tab, a newline or NUL). Remove it. {Example}");
        }
        if (relativePath[0] is '/' or '\\')
        {
            throw new KiroException("path_invalid", $"The path '{shown}' is absolute. {Example}");
        }
        if (relativePath[0] == '~')
        {
            throw new KiroException("path_invalid",
                $"The path '{shown}' starts with '~' (a home folder); only paths inside the workspace can be used. {Example}");
        }
        if (relativePath.Contains(':', StringComparison.Ordinal))
        {
            // "C:x" and "C:\x" name a drive on Windows, and "name:stream" an alternate data stream;
            // no Kiro file has a colon in its name, so refusing it everywhere keeps every OS safe.
            throw new KiroException("path_invalid",
                $"The path '{shown}' contains ':' (a drive letter or stream name on Windows), which workspace paths cannot contain. {Example}");
        }

        var segments = new List<string>();
        foreach (var segment in relativePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }
            if (segment.Trim().Length == 0)
            {
                throw new KiroException("path_invalid", $"The path '{shown}' has a folder or file name made only of spaces. Remove it. {Example}");
            }
            if (segment.Trim().Trim('.').Length == 0)
            {
                // Refusing every "..", even one that would stay inside, keeps the rule simple to
                // state; "..." and ". ." are refused too because Windows trims them to "..".
                throw Outside($"The path '{shown}' contains '..', which can lead outside the workspace. {Example}");
            }
            segments.Add(segment);
        }
        return segments;
    }

    private static KiroException Outside(string message) => new("path_outside_workspace", message);

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
