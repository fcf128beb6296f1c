namespace Kiro.Mcp.Workspace;

/// <summary>
/// The last text read or written of each file, with its version and the file's stamp when it was read.
/// A read whose bytes hash to the cached version reuses the cached string (no decoding, no new large
/// string); a read whose file still has a trusted stamp does not read the file at all. Bounded: a
/// server that reads many files all day keeps at most a few tens of megabytes of text.
/// </summary>
internal sealed class FileTextCache
{
    private const int MaxEntries = 1024;

    // Characters, so twice as many bytes of strings.
    private const long MaxCharacters = 16_000_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _characters;

    /// <summary>A cached text; <see cref="Stamp"/> is set only when it may be trusted without reading the file.</summary>
    public sealed record Entry(VersionedText Text, FileStamp? Stamp);

    public Entry? Get(string key)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(key);
        }
    }

    public void Set(string key, VersionedText text, FileStamp? trustedStamp)
    {
        lock (_lock)
        {
            if (_entries.Remove(key, out var old))
            {
                _characters -= old.Text.Text.Length;
            }
            if (_entries.Count >= MaxEntries || _characters + text.Text.Length > MaxCharacters)
            {
                _entries.Clear();
                _characters = 0;
            }
            if (text.Text.Length <= MaxCharacters)
            {
                _entries[key] = new Entry(text, trustedStamp);
                _characters += text.Text.Length;
            }
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            if (_entries.Remove(key, out var old))
            {
                _characters -= old.Text.Text.Length;
            }
        }
    }
}
