using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Audit;

/// <summary>
/// One workspace's audit log: a file of JSON lines in the server's data folder, outside the repository.
/// Appends are serialized across threads and processes the way <see cref="WriteLock"/> serializes workspace
/// writes: a lock file beside the log (<c>NAME.jsonl.lock</c>) opened with <see cref="FileShare.None"/>
/// (flock on Unix, a share mode on Windows; the OS releases it when its holder dies), with threads of one
/// process queueing on a semaphore first. Under the lock the last line is read again, so two servers on one
/// data folder each chain onto the other's latest entry and never interleave half-lines.
/// </summary>
public sealed class AuditLog(string path)
{
    /// <summary>How long an append waits for another writer before it gives up (the call itself already happened).</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public string FilePath { get; } = Path.GetFullPath(path);

    /// <summary>Appends <paramref name="entry"/> with the next number and the hash of the line before it; returns what was written.</summary>
    public async Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(FilePath, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(LockTimeout, cancellationToken))
        {
            throw Busy();
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var _ = await LockAsync(cancellationToken);
            using var file = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            var last = AuditLines.Last(file);
            var prefix = last is { Terminated: false } ? "\n" : "";
            var chained = entry with
            {
                // A line cut off by a crash stays in the log as its own (broken) line, which verify reports; the chain goes on from it.
                Seq = last is null ? 1 : SeqAfter(last.Value, file),
                Prev = last is null ? AuditChain.Genesis : AuditChain.Hash(last.Value.Line),
            };
            var line = Encoding.UTF8.GetBytes(prefix + JsonSerializer.Serialize(chained, AuditJsonContext.Default.AuditEntry) + "\n");
            file.Seek(0, SeekOrigin.End);
            await file.WriteAsync(line, cancellationToken);
            // On disk before the lock goes: the next writer, maybe in another process, chains onto this line.
            file.Flush(flushToDisk: true);
            return chained;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Every entry, oldest first; lines that are not entries are skipped (verify reports them).</summary>
    public async IAsyncEnumerable<AuditEntry> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            yield break;
        }
        await using var file = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await foreach (var (line, terminated) in AuditLines.ReadAsync(file, cancellationToken))
        {
            if (terminated && Parse(line) is { } entry)
            {
                yield return entry;
            }
        }
    }

    private static AuditEntry? Parse(byte[] line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, AuditJsonContext.Default.AuditEntry);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The number after the last entry's; when the last line is not an entry, one more than the lines in the file.</summary>
    private static long SeqAfter((byte[] Line, bool Terminated) lastLine, FileStream file)
    {
        if (lastLine.Terminated && Parse(lastLine.Line) is { } last)
        {
            return last.Seq + 1;
        }
        file.Seek(0, SeekOrigin.Begin);
        long lines = 0;
        int b;
        while ((b = file.ReadByte()) >= 0)
        {
            lines += b == '\n' ? 1 : 0;
        }
        return lines + (lastLine.Terminated ? 1 : 2);
    }

    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.Read, FileShare.None);
            }
            catch (IOException) when (Stopwatch.GetElapsedTime(started) < LockTimeout && File.Exists(FilePath + ".lock"))
            {
                // Held by another process; a short jittered wait gives every waiter the same chance.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5)), cancellationToken);
        }
    }

    private KiroException Busy() => new("busy", $"The audit log {FilePath} stayed locked by another writer for {LockTimeout.TotalSeconds:0} s.");
}
