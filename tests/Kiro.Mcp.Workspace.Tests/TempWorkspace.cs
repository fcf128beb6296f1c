using System.Security.Cryptography;

namespace Kiro.Mcp.Workspace.Tests;

/// <summary>
/// A workspace in a fresh temp folder, beside an "outside" folder that links can point at, so a test
/// can prove nothing was written anywhere under the shared parent.
/// </summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Container = Path.Join(Path.GetTempPath(), "kiro-workspace-tests-" + Guid.NewGuid().ToString("N"));
        Folder = Path.Join(Container, "ws");
        Outside = Path.Join(Container, "outside");
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Join(Outside, "secret.md"), "outside secret\n");
        Root = new WorkspaceRoot(Folder);
        Store = new FileStore(Root);
    }

    /// <summary>The folder holding both the workspace and the outside folder.</summary>
    public string Container { get; }

    public string Folder { get; }

    public string Outside { get; }

    public WorkspaceRoot Root { get; }

    public FileStore Store { get; }

    public string Full(string relative) => Path.Join(Folder, relative);

    public void Write(string relative, string text)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Makes a symbolic link at <paramref name="relative"/> in the workspace.</summary>
    public void Link(string relative, string target, bool directory)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            if (directory)
            {
                Directory.CreateSymbolicLink(full, target);
            }
            else
            {
                File.CreateSymbolicLink(full, target);
            }
        }
        catch (Exception e) when (OperatingSystem.IsWindows() && e is IOException or UnauthorizedAccessException)
        {
            Assert.Skip("Creating symbolic links needs Developer Mode or administrator rights on Windows.");
        }
    }

    /// <summary>Every entry under the container: its kind and its content hash or link target.</summary>
    public IReadOnlyList<string> Snapshot()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        var entries = new List<string> { Describe(new DirectoryInfo(Container)) };
        entries.AddRange(new DirectoryInfo(Container).EnumerateFileSystemInfos("*", options).Select(Describe));
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    /// <summary>
    /// <see cref="Snapshot"/> without the lock files every write takes, refused or not (the folder
    /// .kiro/.runtime and .kiro itself): runtime state, not content.
    /// </summary>
    public IReadOnlyList<string> ContentSnapshot()
    {
        var runtime = Path.Join("ws", ".kiro");
        return Snapshot().Where(entry => entry != runtime + " dir" && !entry.StartsWith(Path.Join(runtime, ".runtime"), StringComparison.Ordinal)).ToList();
    }

    /// <summary>Temp files of the store left anywhere under the container.</summary>
    public IReadOnlyList<string> LeftoverTempFiles() =>
        Directory.EnumerateFiles(Container, "*.kiro-tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Container, recursive: true);
        }
        catch (IOException)
        {
            // A watcher or an antivirus may still hold a handle; the OS cleans the temp folder later.
        }
    }

    private string Describe(FileSystemInfo info)
    {
        var relative = Path.GetRelativePath(Container, info.FullName);
        if (info.LinkTarget is { } target)
        {
            return $"{relative} -> {target}";
        }
        return info is FileInfo file
            ? $"{relative} file {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.FullName)))}"
            : $"{relative} dir";
    }
}
