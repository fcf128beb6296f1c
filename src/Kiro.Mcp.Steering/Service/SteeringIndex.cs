using System.Collections.Concurrent;
using Kiro.Mcp.Steering.Documents;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Service;

/// <summary>
/// Parsed front matter keyed by path and content version, like the spec index: a file changed on
/// disk has a new version and is parsed again, so an answer is never stale.
/// </summary>
public sealed class SteeringIndex
{
    // A ceiling far above any real set of steering files.
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, (string Version, FrontMatter FrontMatter)> _entries = new(StringComparer.Ordinal);

    public FrontMatter FrontMatter(string path, VersionedText file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (_entries.TryGetValue(path, out var entry) && entry.Version == file.Version)
        {
            return entry.FrontMatter;
        }
        var parsed = FrontMatterParser.Parse(file.Text);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[path] = (file.Version, parsed);
        return parsed;
    }
}
