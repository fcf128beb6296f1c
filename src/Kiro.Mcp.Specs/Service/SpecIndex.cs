using System.Collections.Concurrent;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Service;

/// <summary>
/// The in-memory index of parsed spec documents. Entries are keyed by the file's content version, so
/// the index can never answer with a stale parse: a file changed in an editor has a new version and
/// is parsed again on its next read. The file watcher calls <see cref="Forget"/> so memory follows the
/// files on disk.
/// </summary>
public sealed class SpecIndex
{
    // A ceiling, not a tuning knob: far above any real workspace, low enough that a long-running
    // server editing documents all day cannot grow without bound.
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, (string Version, object Parsed)> _entries = new(StringComparer.Ordinal);

    public RequirementsDocument Requirements(string path, VersionedText file, DocumentKind kind) =>
        Get(path, file, text => kind == DocumentKind.Bugfix ? RequirementsParser.ParseBugfix(text) : RequirementsParser.Parse(text));

    public DesignDocument Design(string path, VersionedText file) => Get(path, file, DesignParser.Parse);

    public TasksDocument Tasks(string path, VersionedText file) => Get(path, file, TasksParser.Parse);

    /// <summary>As <see cref="Tasks(string, VersionedText)"/>, giving up when <paramref name="cancellationToken"/> is cancelled.</summary>
    internal TasksDocument TasksCancellable(string path, VersionedText file, CancellationToken cancellationToken) =>
        Get(path, file, text => TasksParser.ParseCancellable(text, cancellationToken));

    /// <summary>Drops what is known of these workspace-relative paths.</summary>
    public void Forget(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _entries.TryRemove(path, out _);
        }
    }

    private T Get<T>(string path, VersionedText file, Func<string, T> parse)
        where T : class
    {
        if (_entries.TryGetValue(path, out var entry) && entry.Version == file.Version && entry.Parsed is T cached)
        {
            return cached;
        }
        var parsed = parse(file.Text);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[path] = (file.Version, parsed);
        return parsed;
    }
}
