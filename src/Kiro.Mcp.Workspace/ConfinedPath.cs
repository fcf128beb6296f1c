using Microsoft.Win32.SafeHandles;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// A workspace path after <see cref="ConfinedFiles.Locate"/>: the open folder that holds its last
/// name (on Linux and macOS), and that name. Everything done to the file afterwards is done relative
/// to this open folder, so renaming or replacing folders along the path by links cannot redirect it.
/// </summary>
internal sealed class ConfinedPath : IDisposable
{
    public ConfinedPath(SafeFileHandle? folder, string folderFullPath, string name, bool folderMissing)
    {
        Folder = folder;
        FolderFullPath = folderFullPath;
        Name = name;
        FolderMissing = folderMissing;
    }

    /// <summary>The open folder (Linux and macOS); null on other systems or when <see cref="FolderMissing"/>.</summary>
    public SafeFileHandle? Folder { get; }

    /// <summary>Where the folder was when it was opened (messages, and the path-based fallback).</summary>
    public string FolderFullPath { get; }

    /// <summary>The last name; empty when the path is the workspace root itself.</summary>
    public string Name { get; }

    /// <summary>A folder along the path does not exist (so neither does the file).</summary>
    public bool FolderMissing { get; }

    public string FullPath => Name.Length == 0 ? FolderFullPath : Path.Join(FolderFullPath, Name);

    public void Dispose() => Folder?.Dispose();
}
