using System.Text.RegularExpressions;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Generation.Service;

/// <summary>
/// The HTML comment that marks a generated file, carrying a hash of the rest of the file. While the
/// hash matches, nobody has edited the file and regeneration may replace it; once it does not (or the
/// marker is gone), the file belongs to its author.
/// </summary>
public static partial class GeneratedMarker
{
    private const string FrontMatter = "---\ninclusion: always\n---\n";

    /// <summary>The full file: front matter first (Kiro requires it), the marker, then the body.</summary>
    public static string Compose(string body)
    {
        var unmarked = FrontMatter + "\n" + body;
        return FrontMatter + $"<!-- kiro-mcp:generated sha256={Hash(unmarked)} (steering_generate keeps this file once it is edited) -->\n" + "\n" + body;
    }

    /// <summary>True when the text carries a marker whose hash matches the rest of the text.</summary>
    public static bool IsUntouched(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var match = MarkerLine().Match(normalized);
        if (!match.Success)
        {
            return false;
        }
        var unmarked = normalized.Remove(match.Index, match.Length);
        return Hash(unmarked) == match.Groups["hash"].Value;
    }

    private static string Hash(string text) => FileStore.ComputeVersion(text);

    [GeneratedRegex(@"^<!-- kiro-mcp:generated sha256=(?<hash>[0-9a-f]{16})[^\n]*-->\n", RegexOptions.Multiline)]
    private static partial Regex MarkerLine();
}
