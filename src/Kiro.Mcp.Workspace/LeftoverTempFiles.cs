using System.Text.RegularExpressions;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Removes the temp files <see cref="FileStore"/> leaves behind when a process dies between writing
/// one and renaming it (kill -9, power loss), so nothing of ours accumulates in <c>.kiro/</c>.
/// </summary>
/// <remarks>
/// Only names <see cref="FileStore"/> makes (<c>.name.&lt;32 hex digits&gt;.kiro-tmp</c>) and only
/// files older than <see cref="MinimumAge"/>: a younger one may be a write another server process is
/// making right now, and no write takes a minute. Links are never followed, so a link in the
/// repository cannot make this delete anything outside it. Lock files are left alone: a stale one
/// holds no lock (see <see cref="WriteLock"/>).
/// </remarks>
public static partial class LeftoverTempFiles
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(1);

    /// <summary>Deletes our old temp files anywhere under <c>.kiro/</c> and returns how many.</summary>
    public static int Remove(WorkspaceRoot root, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(time);
        var kiro = new DirectoryInfo(Path.Join(root.FullPath, ".kiro"));
        return kiro.Exists && kiro.LinkTarget is null ? RemoveUnder(kiro, time.GetUtcNow().UtcDateTime - MinimumAge) : 0;
    }

    private static int RemoveUnder(DirectoryInfo folder, DateTime cutoff)
    {
        var removed = 0;
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true }).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that vanished or that we may not read holds nothing we can clean.
            return 0;
        }
        foreach (var entry in entries)
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }
            if (entry is DirectoryInfo sub)
            {
                removed += RemoveUnder(sub, cutoff);
            }
            else if (OurTempName().IsMatch(entry.Name) && entry.LastWriteTimeUtc < cutoff && TryDelete(entry))
            {
                removed++;
            }
        }
        return removed;
    }

    private static bool TryDelete(FileSystemInfo file)
    {
        try
        {
            file.Delete();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next start tries again.
            return false;
        }
    }

    // FileStore's temp name: "." + the target's name + "." + a Guid in "N" form + the suffix.
    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.kiro-tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex OurTempName();
}
