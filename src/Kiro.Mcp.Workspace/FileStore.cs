using System.Security.Cryptography;
using System.Text;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Reads and writes workspace files as text with a content version. Writes are atomic (temp file,
/// flush, rename), hold the file's <see cref="WriteLock"/> (one writer at a time, across processes)
/// and are checked against the version the writer read, so concurrent writers (two clients, two
/// servers, or a client and an editor) never silently overwrite each other.
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

    /// <summary>
    /// How many times a write starts over because the file changed on disk between its read and its
    /// rename (an editor takes no lock) before it gives up with "busy".
    /// </summary>
    internal const int MaxRounds = 5;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public WorkspaceRoot Root { get; } = root;

    /// <summary>How long a write waits for the file's lock before it fails with "busy".</summary>
    public TimeSpan LockTimeout { get; init; } = WriteLock.DefaultTimeout;

    /// <summary>Tests only: runs just before the final check against the disk, where an editor's save is simulated.</summary>
    internal Action? BeforeFinalCheck { get; set; }

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
    /// read: the write is refused with "version_conflict" if the file changed since, including when
    /// it changes on disk while this write is under way.
    /// </summary>
    public async Task<string> WriteAsync(string relativePath, string text, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var full = ResolveFile(relativePath);
        var bytes = Utf8.GetBytes(text);
        using var held = await WriteLock.AcquireAsync(Root, full, LockTimeout, cancellationToken);
        for (var round = 1; ; round++)
        {
            var current = await ReadBytesAsync(full, cancellationToken);
            // After a round lost to a change on disk, this is what refuses a conditional write.
            CheckVersion(relativePath, current is null ? null : Decode(current).Version, expectedVersion);
            if (await ReplaceAsync(full, current, bytes, UnchangedSinceRead(full, current), cancellationToken))
            {
                return ComputeVersion(text);
            }
            ThrowIfLastRound(relativePath, round);
        }
    }

    /// <summary>
    /// Reads, changes and writes one file under its lock, so no other writer, in this process or
    /// another, can interleave. If the file changes on disk between the read and the rename (an editor
    /// takes no lock), <paramref name="update"/> runs again on the new text: it may run more than once
    /// and must depend on nothing but its argument. If it throws, nothing is written.
    /// </summary>
    public async Task<VersionedText> UpdateAsync(string relativePath, Func<VersionedText?, string> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var full = ResolveFile(relativePath);
        using var held = await WriteLock.AcquireAsync(Root, full, LockTimeout, cancellationToken);
        for (var round = 1; ; round++)
        {
            var current = await ReadBytesAsync(full, cancellationToken);
            var text = update(current is null ? null : Decode(current));
            ArgumentNullException.ThrowIfNull(text, nameof(update));
            if (await ReplaceAsync(full, current, Utf8.GetBytes(text), UnchangedSinceRead(full, current), cancellationToken))
            {
                return new VersionedText(text, ComputeVersion(text));
            }
            ThrowIfLastRound(relativePath, round);
        }
    }

    public bool FileExists(string relativePath) => File.Exists(Root.ResolveCore(relativePath).Physical);

    public bool DirectoryExists(string relativePath) => Directory.Exists(Root.ResolveCore(relativePath).Physical);

    public void CreateDirectory(string relativePath) => Directory.CreateDirectory(Root.ResolveCore(relativePath).Physical);

    /// <summary>Names of the sub-folders, sorted ordinal; folders that are links leading outside the workspace are left out.</summary>
    public IReadOnlyList<string> ListDirectories(string relativePath)
    {
        var full = Root.ResolveCore(relativePath).Physical;
        if (!Directory.Exists(full))
        {
            return [];
        }
        var names = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(full))
        {
            if (Root.IsInside(WorkspaceRoot.RealPath(folder)))
            {
                names.Add(Path.GetFileName(folder));
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

    /// <summary>
    /// The final check, made right before the rename: the file on disk still holds exactly the bytes
    /// the new text was computed from (or is still absent). Only a change landing between this check
    /// and the rename itself can be overwritten (docs/architecture.md, "Locking").
    /// </summary>
    private Func<CancellationToken, Task<bool>> UnchangedSinceRead(string full, byte[]? read) => async cancellationToken =>
    {
        BeforeFinalCheck?.Invoke();
        var now = await ReadBytesAsync(full, cancellationToken);
        return now is null ? read is null : read is not null && now.AsSpan().SequenceEqual(read);
    };

    private static void ThrowIfLastRound(string relativePath, int round)
    {
        if (round >= MaxRounds)
        {
            throw new KiroException("busy",
                $"'{relativePath}' changed on disk {round} times while it was being written: another program (an editor, a script) keeps rewriting it. Nothing was written; retry when it is quiet.");
        }
    }

    private static VersionedText Decode(byte[] bytes)
    {
        var text = Utf8.GetString(bytes);
        return new VersionedText(text, ComputeVersion(text));
    }

    private static async Task<byte[]?> ReadBytesAsync(string full, CancellationToken cancellationToken)
    {
        if (!File.Exists(full))
        {
            return null;
        }
        try
        {
            return await File.ReadAllBytesAsync(full, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted between the check and the read: that is simply no file.
            return null;
        }
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
    /// Writes <paramref name="bytes"/> to a temp file and renames it over <paramref name="full"/>, unless
    /// <paramref name="unchangedSinceRead"/>, asked last before the rename, says the file changed on
    /// disk: then nothing is written and the result is false.
    /// </summary>
    private static async Task<bool> ReplaceAsync(string full, byte[]? current, byte[] bytes, Func<CancellationToken, Task<bool>> unchangedSinceRead, CancellationToken cancellationToken)
    {
        if (current is not null && current.AsSpan().SequenceEqual(bytes))
        {
            // Nothing to change: leaving the file alone spares watchers, editors and hooks a fake save.
            return true;
        }

        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        // Hidden and recognisable, in the same folder so the rename stays on one file system (atomic).
        var temp = Path.Join(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                // Data on disk before the rename: a crash leaves the old file or the new one, never half.
                stream.Flush(flushToDisk: true);
            }
            if (current is not null && !OperatingSystem.IsWindows())
            {
                // The replacement should keep the permissions someone gave the file (e.g. executable).
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }
            if (!await unchangedSinceRead(cancellationToken))
            {
                TryDelete(temp);
                return false;
            }
            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure is what the caller needs to see; a leftover temp file is
            // recognisable by its suffix and ignored by the watcher.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
