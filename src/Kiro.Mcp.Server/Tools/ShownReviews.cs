using System.Collections.Concurrent;
using System.Globalization;
using Kiro.Mcp.Specs.Workflow;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Which requests for changes each reader (an MCP session, or a user on stateless HTTP) has been shown, so
/// <see cref="ReviewNotices"/> adds each one to a reader's results once. Server-wide, since a session may
/// use several workspaces.
/// </summary>
public sealed class ShownReviews
{
    /// <summary>Beyond this many entries the memory starts over: at worst a notice is shown twice, never lost.</summary>
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, byte> _shown = new(StringComparer.Ordinal);

    /// <summary>True the first time <paramref name="reader"/> meets this request, false after.</summary>
    public bool FirstTime(string reader, string workspace, string spec, string document, ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_shown.Count >= MaxEntries)
        {
            _shown.Clear();
        }
        var key = string.Join('\n', reader, workspace, spec, document, request.Version, request.At.ToString("O", CultureInfo.InvariantCulture));
        return _shown.TryAdd(key, 0);
    }
}
