using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Opens, creates, renames and lists workspace files by what is actually opened, not by a path
/// string checked earlier. On Linux and macOS every folder along a path is opened one name at a time
/// from an open handle of the workspace root, never following a link (O_NOFOLLOW), and the file is
/// then opened, created or renamed relative to the open folder that holds it (openat, renameat): a
/// folder swapped for a link after any check cannot redirect the operation. A link met on the way is
/// read (readlinkat) and, when its target is inside the workspace, walked again from the root, so
/// links that stay inside keep working and a write still replaces the file a link points at.
/// Elsewhere (Windows) the path is checked and the opened handle's final path is verified.
/// </summary>
internal static class ConfinedFiles
{
    // Linux's own limit on links followed while resolving one path (ELOOP); it stops link cycles.
    private const int MaxLinkHops = 40;

    private const int NewFileMode = 0b110_110_110; // 0666: the umask still applies
    private const int NewFolderMode = 0b111_111_111; // 0777: likewise

    /// <summary>
    /// The open folder holding the last name of <paramref name="relativePath"/> (a path the caller
    /// already validated), creating missing folders when <paramref name="createFolders"/>.
    /// Throws <see cref="KiroException"/> when a link along the way leads outside.
    /// </summary>
    public static ConfinedPath Locate(WorkspaceRoot root, string relativePath, bool createFolders)
    {
        var pending = Split(relativePath);
        if (!Native.Supported)
        {
            var physical = root.ResolveCore(relativePath).Physical;
            if (createFolders && pending.Count > 0)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(physical)!);
            }
            return pending.Count == 0
                ? new ConfinedPath(null, root.FullPath, "", false)
                : new ConfinedPath(null, Path.GetDirectoryName(physical)!, Path.GetFileName(physical), false);
        }

        var hops = 0;
        while (true)
        {
            var folder = OpenRoot(root);
            var done = new List<string>();
            List<string>? next = null;
            try
            {
                for (var i = 0; i < pending.Count && next is null; i++)
                {
                    var segment = pending[i];
                    if (i < pending.Count - 1)
                    {
                        var fd = Native.OpenAt(folder, segment, Native.ReadOnly | Native.Directory | Native.NoFollow | Native.CloseOnExec, 0);
                        if (fd >= 0)
                        {
                            folder.Dispose();
                            folder = new SafeFileHandle(fd, ownsHandle: true);
                            done.Add(segment);
                            continue;
                        }
                        var errno = Marshal.GetLastPInvokeError();
                        if (errno == Native.NoSuchEntry)
                        {
                            if (!createFolders)
                            {
                                folder.Dispose();
                                return new ConfinedPath(null, Join(root, done), pending[^1], folderMissing: true);
                            }
                            if (Native.MakeDirectoryAt(folder, segment, NewFolderMode) != 0 && Marshal.GetLastPInvokeError() != Native.Exists)
                            {
                                throw Native.LastError(Path.Join(Join(root, done), segment));
                            }
                            i--; // open the folder just made (or made by someone else meanwhile)
                            continue;
                        }
                        if (errno != Native.TooManyLinks && errno != Native.NotADirectory)
                        {
                            throw Native.Error(errno, Path.Join(Join(root, done), segment));
                        }
                        // A link, or a file where a folder should be: readlinkat tells which.
                    }

                    var target = Native.ReadLinkAt(folder, segment);
                    if (target is null)
                    {
                        if (i == pending.Count - 1)
                        {
                            Verify(root, folder, relativePath);
                            return new ConfinedPath(folder, Join(root, done), segment, folderMissing: false);
                        }
                        if (!createFolders)
                        {
                            folder.Dispose();
                            return new ConfinedPath(null, Join(root, done), pending[^1], folderMissing: true);
                        }
                        throw new IOException($"'{Path.Join(Join(root, done), segment)}' is a file, so no folder can be made there.");
                    }
                    if (done.Count == 0 && string.Equals(segment, WorkspaceRoot.KiroFolder, WorkspaceRoot.PathComparison))
                    {
                        throw WorkspaceRoot.KiroFolderLinked(target);
                    }
                    if (++hops > MaxLinkHops)
                    {
                        throw new KiroException("path_invalid",
                            $"The path '{relativePath}' goes through too many symbolic links (or a link cycle). Remove the cycle, or use a path without links.");
                    }
                    next = [.. Rebase(root, done, target, relativePath), .. pending.Skip(i + 1)];
                }
                if (next is null)
                {
                    // Nothing left to walk: the path is the workspace root itself.
                    return new ConfinedPath(folder, root.FullPath, "", folderMissing: false);
                }
            }
            catch
            {
                folder.Dispose();
                throw;
            }
            folder.Dispose();
            pending = next;
        }
    }

    /// <summary>
    /// Opens the file for reading: null when there is none, <c>IsFolder</c> when the path is a folder.
    /// A file that turns into a link between locating and opening is located again.
    /// </summary>
    public static (SafeFileHandle? Handle, bool IsFolder) OpenRead(WorkspaceRoot root, string relativePath)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var path = Locate(root, relativePath, createFolders: false);
            if (path.FolderMissing)
            {
                return (null, false);
            }
            if (path.Name.Length == 0)
            {
                return (null, true);
            }
            SafeFileHandle handle;
            if (path.Folder is { } folder)
            {
                // Non-blocking, so a FIFO planted in the workspace cannot hang the open.
                var fd = Native.OpenAt(folder, path.Name, Native.ReadOnly | Native.NoFollow | Native.CloseOnExec | Native.NonBlocking, 0);
                if (fd < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Native.NoSuchEntry)
                    {
                        return (null, false);
                    }
                    if (errno == Native.TooManyLinks && attempt < MaxLinkHops)
                    {
                        continue;
                    }
                    throw Native.Error(errno, path.FullPath);
                }
                handle = new SafeFileHandle(fd, ownsHandle: true);
            }
            else
            {
                if (Directory.Exists(path.FullPath))
                {
                    return (null, true);
                }
                try
                {
                    handle = File.OpenHandle(path.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                {
                    return (null, false);
                }
                VerifyFinalPath(root, handle, relativePath);
            }
            if ((File.GetAttributes(handle) & FileAttributes.Directory) != 0)
            {
                handle.Dispose();
                return (null, true);
            }
            return (handle, false);
        }
    }

    /// <summary>
    /// Opens the regular file <paramref name="path"/> names, in its open folder, for writing: read-write to change bytes
    /// in place, or append-only (created when absent) to add to its end. Null when it does not exist (and is not to be created).
    /// </summary>
    public static SafeFileHandle? OpenWrite(WorkspaceRoot root, ConfinedPath path, bool append)
    {
        SafeFileHandle handle;
        if (path.Folder is not { } folder)
        {
            try
            {
                // Appending writers hold the file's WriteLock, so writing at the length read is appending (a FileMode.Append
                // handle would refuse positioned writes).
                handle = append
                    ? File.OpenHandle(path.FullPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)
                    : File.OpenHandle(path.FullPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }
            VerifyFinalPath(root, handle, path.Name);
        }
        else
        {
            // Non-blocking, so a FIFO planted in the workspace cannot hang the open.
            var flags = (append ? Native.WriteOnly | Native.Append | Native.Create : Native.ReadWrite) | Native.NoFollow | Native.CloseOnExec | Native.NonBlocking;
            var fd = Native.OpenAt(folder, path.Name, flags, NewFileMode);
            if (fd < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return errno == Native.NoSuchEntry ? null : throw Native.Error(errno, path.FullPath);
            }
            handle = new SafeFileHandle(fd, ownsHandle: true);
        }
        if ((File.GetAttributes(handle) & FileAttributes.Directory) != 0)
        {
            handle.Dispose();
            throw new KiroException("path_invalid", $"'{path.FullPath}' is a folder, not a file.");
        }
        return handle;
    }

    /// <summary>Creates a new, empty, hidden temp file beside <paramref name="path"/>'s file, in the same open folder.</summary>
    public static SafeFileHandle CreateTemp(WorkspaceRoot root, ConfinedPath path, string tempName)
    {
        if (path.Folder is not { } folder)
        {
            var handle = File.OpenHandle(Path.Join(path.FolderFullPath, tempName), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            try
            {
                VerifyFinalPath(root, handle, path.Name);
            }
            catch
            {
                handle.Dispose();
                File.Delete(Path.Join(path.FolderFullPath, tempName));
                throw;
            }
            return handle;
        }
        var fd = Native.OpenAt(folder, tempName, Native.WriteOnly | Native.Create | Native.Exclusive | Native.NoFollow | Native.CloseOnExec, NewFileMode);
        if (fd < 0)
        {
            throw Native.LastError(Path.Join(path.FolderFullPath, tempName));
        }
        var temp = new SafeFileHandle(fd, ownsHandle: true);
        if (OperatingSystem.IsMacOS())
        {
            // On Apple silicon openat's mode travels as a variadic argument P/Invoke cannot pass; set it here.
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        return temp;
    }

    /// <summary>The permissions of the file <paramref name="path"/> names now, or null when it cannot be opened.</summary>
    public static UnixFileMode? ModeOf(ConfinedPath path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        if (path.Folder is not { } folder)
        {
            return File.Exists(path.FullPath) ? File.GetUnixFileMode(path.FullPath) : null;
        }
        var fd = Native.OpenAt(folder, path.Name, Native.ReadOnly | Native.NoFollow | Native.CloseOnExec | Native.NonBlocking, 0);
        if (fd < 0)
        {
            return null;
        }
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        return File.GetUnixFileMode(handle);
    }

    /// <summary>Renames <paramref name="tempName"/> over <paramref name="path"/>'s name, both in the one open folder.</summary>
    public static void RenameOver(ConfinedPath path, string tempName)
    {
        if (path.Folder is not { } folder)
        {
            File.Move(Path.Join(path.FolderFullPath, tempName), path.FullPath, overwrite: true);
            return;
        }
        if (Native.RenameAt(folder, tempName, folder, path.Name) != 0)
        {
            throw Native.LastError(path.FullPath);
        }
    }

    /// <summary>Makes the folder <paramref name="path"/> names, in its open parent; nothing when it exists.</summary>
    public static void MakeFolder(ConfinedPath path)
    {
        if (path.Name.Length == 0)
        {
            return;
        }
        if (path.Folder is not { } folder)
        {
            Directory.CreateDirectory(path.FullPath);
            return;
        }
        if (Native.MakeDirectoryAt(folder, path.Name, NewFolderMode) != 0 && Marshal.GetLastPInvokeError() != Native.Exists)
        {
            throw Native.LastError(path.FullPath);
        }
    }

    /// <summary>Removes <paramref name="name"/> from <paramref name="path"/>'s folder; false when it could not.</summary>
    public static bool TryDelete(ConfinedPath path, string name)
    {
        if (path.Folder is not { } folder)
        {
            try
            {
                File.Delete(Path.Join(path.FolderFullPath, name));
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
        return Native.UnlinkAt(folder, name, 0) == 0;
    }

    /// <summary>
    /// The names in the folder <paramref name="relativePath"/> (sub-folders or files), read from the
    /// folder actually opened; empty when it does not exist.
    /// </summary>
    public static List<string> ListNames(WorkspaceRoot root, string relativePath, bool folders)
    {
        using var path = Locate(root, relativePath, createFolders: false);
        if (path.FolderMissing)
        {
            return [];
        }
        SafeFileHandle? opened = null;
        try
        {
            var listed = path.FullPath;
            if (path.Folder is { } folder)
            {
                if (path.Name.Length > 0)
                {
                    var fd = Native.OpenAt(folder, path.Name, Native.ReadOnly | Native.Directory | Native.NoFollow | Native.CloseOnExec, 0);
                    if (fd < 0)
                    {
                        // Gone, a file, or turned into a link since it was located: nothing to list.
                        return [];
                    }
                    opened = new SafeFileHandle(fd, ownsHandle: true);
                }
                // On Linux /proc/self/fd/N is the open folder itself, wherever its path now leads.
                if (OperatingSystem.IsLinux() && System.IO.Directory.Exists("/proc/self/fd"))
                {
                    listed = $"/proc/self/fd/{(opened ?? folder).DangerousGetHandle()}";
                }
            }
            if (!System.IO.Directory.Exists(listed))
            {
                return [];
            }
            var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true };
            var entries = folders ? System.IO.Directory.EnumerateDirectories(listed, "*", options) : System.IO.Directory.EnumerateFiles(listed, "*", options);
            return entries.Select(Path.GetFileName).OfType<string>().ToList();
        }
        finally
        {
            opened?.Dispose();
        }
    }

    private static SafeFileHandle OpenRoot(WorkspaceRoot root)
    {
        // The root's own path was resolved when the workspace was opened; what lies above it is the user's.
        var fd = Native.Open(root.FullPath, Native.ReadOnly | Native.Directory | Native.CloseOnExec);
        return fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw Native.LastError(root.FullPath);
    }

    /// <summary>The path a link's target names, as segments under the root; refused when it leads outside.</summary>
    private static List<string> Rebase(WorkspaceRoot root, List<string> done, string target, string shown)
    {
        // A relative target is relative to the folder holding the link; GetFullPath collapses its "..".
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Join(Join(root, done), target)));
        if (!root.IsInside(full))
        {
            // The workspace may be named through another spelling (macOS: /tmp is /private/tmp).
            full = WorkspaceRoot.RealPath(full);
        }
        if (!root.IsInside(full))
        {
            throw new KiroException("path_outside_workspace",
                $"The path '{shown}' goes through a symbolic link that leads outside the workspace. {WorkspaceRoot.Example}");
        }
        var relative = Path.GetRelativePath(root.FullPath, full);
        return relative == "." ? [] : [.. relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>
    /// Linux: the folder opened must still be inside the root (a folder moved out of the workspace
    /// while it was being walked would not be). /proc/self/fd/N names the open folder's real place.
    /// </summary>
    private static void Verify(WorkspaceRoot root, SafeFileHandle folder, string shown)
    {
        if (!OperatingSystem.IsLinux() || Native.ReadLink($"/proc/self/fd/{folder.DangerousGetHandle()}") is not { } real)
        {
            return;
        }
        if (!root.IsInside(real))
        {
            throw new KiroException("path_outside_workspace",
                $"The path '{shown}' led to a folder outside the workspace (it was moved or linked while being opened). {WorkspaceRoot.Example}");
        }
    }

    /// <summary>Windows fallback: the handle's final path (links and junctions resolved) must be inside the root.</summary>
    private static void VerifyFinalPath(WorkspaceRoot root, SafeFileHandle handle, string shown)
    {
        if (OperatingSystem.IsWindows() && NativeWindows.FinalPath(handle) is { } final
            && !root.IsInside(Path.TrimEndingDirectorySeparator(final)))
        {
            handle.Dispose();
            throw new KiroException("path_outside_workspace",
                $"The path '{shown}' goes through a link that leads outside the workspace. {WorkspaceRoot.Example}");
        }
    }

    private static string Join(WorkspaceRoot root, List<string> done) =>
        done.Count == 0 ? root.FullPath : Path.Join(root.FullPath, string.Join(Path.DirectorySeparatorChar, done));

    private static List<string> Split(string relativePath) =>
        [.. relativePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".")];
}
