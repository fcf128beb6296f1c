using MAB.DotIgnore;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Which folders of a workspace a watcher skips: those the repository's own ignore rules exclude (the
/// root and nested .gitignore files and .git/info/exclude, read with MAB.DotIgnore in git's pattern
/// syntax, each applied to the paths under its own folder), so that a Node project's bin/ is watched
/// and its dist/ is not. Decisions are per folder and cached; <see cref="Reload"/> forgets them when a
/// .gitignore changes.
/// </summary>
/// <remarks>
/// Not LibGit2Sharp's ignore API: every workspace starts a watcher, and loading libgit2 for it would
/// put git into the start-up of every stdio session (StartupFootprintTests). The user's global
/// core.excludesFile is therefore not read. A folder with no git and no root .gitignore at all skips
/// node_modules, which is never anybody's source and is often tens of thousands of folders. Whatever
/// the rules say, .git is never watched, .kiro/.runtime neither, and .kiro always is: specs, steering
/// and hooks live there.
/// </remarks>
internal sealed class IgnoreRules : IDisposable
{
    private const string KiroFolder = ".kiro";
    private const string RuntimeFolder = ".kiro/.runtime";
    private const string GitIgnoreFile = ".gitignore";
    private const string DefaultIgnoredFolder = "node_modules";

    private readonly string _rootFull;
    private readonly IReadOnlySet<string> _names;
    private readonly bool _useRepositoryRules;
    private readonly Lock _gate = new();
    // Folder (workspace-relative) → ignored, for every folder asked about since the last reload.
    private readonly Dictionary<string, bool> _folders = new(StringComparer.Ordinal);
    // Without git: folder → the rules of its .gitignore (null: it has none).
    private readonly Dictionary<string, IgnoreList?> _lists = new(StringComparer.Ordinal);
    // .git/info/exclude: rules for the whole repository, as if in the root .gitignore.
    private IgnoreList? _exclude;
    private bool _noIgnoreFile;
    private bool _kiroOnly;
    private bool _disposed;

    /// <param name="rootFull">The workspace root, a full path.</param>
    /// <param name="names">Folder names skipped at any depth on top of the rules (<see cref="WatcherOptions.IgnoredFolders"/>).</param>
    /// <param name="useRepositoryRules">False: only the names and the fixed rules (.git, .kiro/.runtime) apply.</param>
    public IgnoreRules(string rootFull, IReadOnlySet<string> names, bool useRepositoryRules)
    {
        _rootFull = rootFull;
        _names = names;
        _useRepositoryRules = useRepositoryRules;
        Load();
    }

    /// <summary>Whether a change to this workspace-relative file changes the rules.</summary>
    public static bool IsRuleFile(string relative) =>
        relative == GitIgnoreFile || relative.EndsWith("/" + GitIgnoreFile, StringComparison.Ordinal);

    /// <summary>Reads the rules again (a .gitignore changed) and forgets every decision.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _folders.Clear();
            _lists.Clear();
            Load();
        }
    }

    /// <summary>
    /// True to skip every folder but the root and .kiro (nothing outside .kiro can matter to anyone: no
    /// file hook), false for every folder the rules keep. Forgets every decision when it changes.
    /// </summary>
    public bool SetKiroOnly(bool kiroOnly)
    {
        lock (_gate)
        {
            if (_kiroOnly == kiroOnly)
            {
                return false;
            }
            _kiroOnly = kiroOnly;
            _folders.Clear();
            return true;
        }
    }

    /// <summary>Whether the folder at a workspace-relative path ('/' separators, "." for the root) is skipped, with everything under it.</summary>
    public bool IsFolderIgnored(string relative)
    {
        if (relative is "." or "")
        {
            return false;
        }
        lock (_gate)
        {
            return IsFolderIgnoredCore(relative);
        }
    }

    /// <summary>
    /// Whether a reported path is skipped: it lies under a skipped folder, or it is one (known as
    /// such, or a folder on disk now). A path that is gone and was never seen as a folder is a file.
    /// </summary>
    public bool IsPathIgnored(string relative, string fullPath)
    {
        if (relative is "." or "")
        {
            return false;
        }
        lock (_gate)
        {
            var slash = relative.LastIndexOf('/');
            if (slash > 0 && IsFolderIgnoredCore(relative[..slash]))
            {
                return true;
            }
            if (_folders.TryGetValue(relative, out var known))
            {
                return known;
            }
        }
        return Directory.Exists(fullPath) && IsFolderIgnored(relative);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    private void Load()
    {
        if (!_useRepositoryRules)
        {
            return;
        }
        var git = Path.Join(_rootFull, ".git");
        _exclude = Read(Path.Join(git, "info", "exclude"));
        _noIgnoreFile = !Path.Exists(git) && !File.Exists(Path.Join(_rootFull, GitIgnoreFile));
    }

    private bool IsFolderIgnoredCore(string relative)
    {
        if (_folders.TryGetValue(relative, out var known))
        {
            return known;
        }
        var slash = relative.LastIndexOf('/');
        var name = relative[(slash + 1)..];
        // A folder under a skipped folder is skipped: git does not look inside one either.
        var ignored = (slash > 0 && IsFolderIgnoredCore(relative[..slash])) || Decide(relative, name);
        _folders[relative] = ignored;
        return ignored;
    }

    private bool Decide(string relative, string name)
    {
        if (name == ".git" || relative == RuntimeFolder)
        {
            return true;
        }
        if (relative == KiroFolder || relative.StartsWith(KiroFolder + "/", StringComparison.Ordinal))
        {
            return false;
        }
        if (_kiroOnly || _names.Contains(name))
        {
            return true;
        }
        if (!_useRepositoryRules)
        {
            return false;
        }
        if (_exclude?.IsIgnored(relative, true) == true)
        {
            return true;
        }
        return _noIgnoreFile ? name == DefaultIgnoredFolder : IgnoredByFiles(relative);
    }

    /// <summary>Without git: whether the .gitignore of the root or of any folder above <paramref name="relative"/> excludes it.</summary>
    private bool IgnoredByFiles(string relative)
    {
        var folder = ".";
        var rest = relative;
        while (true)
        {
            if (ListOf(folder) is { } list && list.IsIgnored(rest, true))
            {
                return true;
            }
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                return false;
            }
            folder = folder == "." ? rest[..slash] : folder + "/" + rest[..slash];
            rest = rest[(slash + 1)..];
        }
    }

    private IgnoreList? ListOf(string folder)
    {
        if (_lists.TryGetValue(folder, out var list))
        {
            return list;
        }
        list = Read(Path.Join(_rootFull, folder == "." ? "" : folder, GitIgnoreFile));
        _lists[folder] = list;
        return list;
    }

    /// <summary>An ignore file's rules, or null when there is none.</summary>
    private static IgnoreList? Read(string file)
    {
        try
        {
            // A hostile repository may make its .gitignore huge or a link to a device: read at most 256 KiB of a regular file.
            var info = new FileInfo(file);
            return info.Exists && info.LinkTarget is null && info.Length <= 256 * 1024
                ? new IgnoreList(File.ReadAllLines(file).Where(l => !string.IsNullOrWhiteSpace(l)), MatchFlags.PATHNAME)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
