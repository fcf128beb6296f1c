using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Reads and writes workspace files as text with a content version. Writes are atomic (temp file,
/// flush, rename) and checked against the version the writer read, so concurrent writers (two
/// clients, or a client and an editor) never silently overwrite each other.
/// </summary>
/// <remarks>
/// Text is decoded as UTF-8 without stripping a BOM (it stays as U+FEFF at index 0) and line endings
/// are left alone, so a file read and written back unchanged keeps every byte.
/// </remarks>
public sealed class FileStore(WorkspaceRoot root)
{
    /// <summary>Pass as <c>expectedVersion</c> to create a file that must not exist yet.</summary>
    public const string Absent = "absent";

    internal const string TempSuffix = ".kiro-tmp";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // One gate per physical file, shared by every store in the process (the HTTP server may open the
    // same workspace twice), so two spellings of one file (e.g. through a link inside the workspace)
    // still queue behind each other. Gates are never removed: one small object per file ever written.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(WorkspaceRoot.PathComparer);

    public WorkspaceRoot Root { get; } = root;

    /// <summary>The first 16 hex digits of the SHA-256 of the bytes <paramref name="text"/> is written as.</summary>
    public static string ComputeVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Utf8.GetBytes(text)))[..16];
    }

    /// <summary>The file's text and version, or null when there is no such file.</summary>
    public async Task<VersionedText?> ReadAsync(string relativePath, CancellationToken cancellationToken)
    {
        var current = await ReadBytesAsync(Root.ResolveCore(relativePath).Physical, cancellationToken);
        return current is null ? null : Decode(current);
    }

    /// <summary>
    /// Replaces the file's text and returns its new version. <paramref name="expectedVersion"/> is
    /// null to write unconditionally, <see cref="Absent"/> to create only, or the version the caller
    /// read: the write is refused with "version_conflict" if the file changed since.
    /// </summary>
    public async Task<string> WriteAsync(string relativePath, string text, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var full = ResolveFile(relativePath);
        var gate = Locks.GetOrAdd(full, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = await ReadBytesAsync(full, cancellationToken);
            CheckVersion(relativePath, current is null ? null : Decode(current).Version, expectedVersion);
            await ReplaceAsync(full, current, Utf8.GetBytes(text), cancellationToken);
            return ComputeVersion(text);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Reads, changes and writes one file under its lock, so no other writer in this process can
    /// interleave (for our own state files). If <paramref name="update"/> throws, nothing is written.
    /// </summary>
    public async Task<VersionedText> UpdateAsync(string relativePath, Func<VersionedText?, string> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var full = ResolveFile(relativePath);
        var gate = Locks.GetOrAdd(full, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = await ReadBytesAsync(full, cancellationToken);
            var text = update(current is null ? null : Decode(current));
            ArgumentNullException.ThrowIfNull(text, nameof(update));
            await ReplaceAsync(full, current, Utf8.GetBytes(text), cancellationToken);
            return new VersionedText(text, ComputeVersion(text));
        }
        finally
        {
            gate.Release();
        }
    }

    public bool FileExists(string relativePath)
    {
        var (handle, _) = ConfinedFiles.OpenRead(Root, Root.ToRelative(Root.ResolveCore(relativePath).Physical));
        handle?.Dispose();
        return handle is not null;
    }

    public bool DirectoryExists(string relativePath) =>
        ConfinedFiles.OpenRead(Root, Root.ToRelative(Root.ResolveCore(relativePath).Physical)).IsFolder;

    public void CreateDirectory(string relativePath)
    {
        // Locating the path with folder creation makes every folder above its last name; the last is made here.
        var physical = Root.ResolveCore(relativePath).Physical;
        using var located = ConfinedFiles.Locate(Root, Root.ToRelative(physical), createFolders: true);
        ConfinedFiles.MakeFolder(located);
    }

    /// <summary>Names of the sub-folders, sorted ordinal; folders that are links leading outside the workspace are left out.</summary>
    public IReadOnlyList<string> ListDirectories(string relativePath) => ListFolders(relativePath);

    /// <summary>
    /// Names of the files in a folder, sorted ordinal, read from the folder actually opened. Links are
    /// listed (so a caller can say why it skips one); reading one that leads outside is refused.
    /// </summary>
    public IReadOnlyList<string> ListFiles(string relativePath)
    {
        var names = ConfinedFiles.ListNames(Root, Root.ToRelative(Root.ResolveCore(relativePath).Physical), folders: false);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private List<string> ListFolders(string relativePath)
    {
        var relative = Root.ToRelative(Root.ResolveCore(relativePath).Physical);
        var names = new List<string>();
        foreach (var name in ConfinedFiles.ListNames(Root, relative, folders: true))
        {
            try
            {
                // A link among the entries is listed only when it stays inside (reading it is confined anyway).
                Root.ResolveCore(relative == "." ? name : $"{relative}/{name}");
                names.Add(name);
            }
            catch (KiroException)
            {
                // Leads outside, or a link cycle: not the workspace's.
            }
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private string ResolveFile(string relativePath)
    {
        var full = Root.ResolveCore(relativePath).Physical;
        if (Directory.Exists(full))
        {
            throw new KiroException("path_invalid",
                $"'{relativePath}' is a folder, not a file. Give the path of a file inside it, such as '{relativePath.TrimEnd('/', '\\')}/requirements.md'.");
        }
        return full;
    }

    private static VersionedText Decode(byte[] bytes)
    {
        var text = Utf8.GetString(bytes);
        return new VersionedText(text, ComputeVersion(text));
    }

    /// <summary>
    /// The bytes of the file at <paramref name="full"/> (a path from <see cref="WorkspaceRoot.ResolveCore"/>),
    /// or null when there is none (or it is a folder). The file is opened by what is there now, folder by
    /// folder from the workspace root without following links out (<see cref="ConfinedFiles"/>), so a
    /// folder swapped for a link since the path was checked cannot make this read a file outside.
    /// </summary>
    private async Task<byte[]?> ReadBytesAsync(string full, CancellationToken cancellationToken)
    {
        var (handle, _) = ConfinedFiles.OpenRead(Root, Root.ToRelative(full));
        if (handle is null)
        {
            return null;
        }
        await using var stream = new FileStream(handle, FileAccess.Read, 1);
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, cancellationToken);
        return bytes.ToArray();
    }

    private static void CheckVersion(string relativePath, string? currentVersion, string? expectedVersion)
    {
        if (expectedVersion is null)
        {
            return;
        }
        if (expectedVersion == Absent)
        {
            if (currentVersion is not null)
            {
                throw new KiroException("already_exists",
                    $"'{relativePath}' already exists (version {currentVersion}). Read it and write with its version to change it, or choose another name.");
            }
            return;
        }
        if (currentVersion is null)
        {
            throw new KiroException("version_conflict",
                $"'{relativePath}' was deleted since you read it (your version {expectedVersion}). Check whether it should still exist; to create it again, write it as a new file.");
        }
        if (currentVersion != expectedVersion)
        {
            throw new KiroException("version_conflict",
                $"'{relativePath}' changed since you read it (your version {expectedVersion}, now {currentVersion}). Read it again, re-apply your change, and retry with the new version.");
        }
    }

    /// <summary>
    /// Replaces the file at <paramref name="full"/> atomically: a temp file written and flushed in the
    /// same folder, then renamed over it. The folder is opened once (<see cref="ConfinedFiles.Locate"/>)
    /// and the temp file is created and renamed relative to that open folder, so swapping a folder on
    /// the path for a link after the check cannot send the write elsewhere.
    /// </summary>
    private async Task ReplaceAsync(string full, byte[]? current, byte[] bytes, CancellationToken cancellationToken)
    {
        if (current is not null && current.AsSpan().SequenceEqual(bytes))
        {
            // Nothing to change: leaving the file alone spares watchers, editors and hooks a fake save.
            return;
        }

        using var target = ConfinedFiles.Locate(Root, Root.ToRelative(full), createFolders: true);
        // Hidden and recognisable, in the same folder so the rename stays on one file system (atomic).
        var temp = $".{target.Name}.{Guid.NewGuid():N}{TempSuffix}";
        var handle = ConfinedFiles.CreateTemp(Root, target, temp);
        try
        {
            if (current is not null && !OperatingSystem.IsWindows() && ConfinedFiles.ModeOf(target) is { } mode)
            {
                // The replacement should keep the permissions someone gave the file (e.g. executable).
                File.SetUnixFileMode(handle, mode);
            }
            await using (var stream = new FileStream(handle, FileAccess.Write, 1))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                // Data on disk before the rename: a crash leaves the old file or the new one, never half.
                stream.Flush(flushToDisk: true);
            }

            // BEFORE RENAME: the last point at which the target can still be left alone. Anything that
            // must hold when the file is replaced (e.g. "unchanged since it was read") is checked here,
            // through `target` (the open folder), and throws to abandon the write.
            ConfinedFiles.RenameOver(target, temp);
        }
        catch
        {
            handle.Dispose();
            ConfinedFiles.TryDelete(target, temp);
            throw;
        }
    }

}
