using System.Text.RegularExpressions;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>Reads criterion ids from Kiro's traceability lines: <c>_Requirements: 1.1, 2.3_</c> and <c>**Validates: Requirements 1.1**</c>.</summary>
internal static partial class ReferenceIds
{
    public static bool TryRequirements(string line, out IReadOnlyList<string> ids) => TryRead(RequirementsLine(), line, out ids);

    public static bool TryValidates(string line, out IReadOnlyList<string> ids) => TryRead(ValidatesLine(), line, out ids);

    private static bool TryRead(Regex pattern, string line, out IReadOnlyList<string> ids)
    {
        var match = pattern.Match(line);
        ids = match.Success ? Id().Matches(match.Groups["ids"].Value).Select(m => m.Value.TrimEnd('.')).ToList() : [];
        return match.Success;
    }

    [GeneratedRegex(@"^[\s>*_-]*Requirements?\s*[:：]\s*[*_]*(?<ids>[^\n]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RequirementsLine();

    [GeneratedRegex(@"Validates\s*[:：]?\s*[*_]*\s*(?:Requirements?\s*)?(?<ids>[^\n]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ValidatesLine();

    // Not \b: in "_Requirements: 1.1, 2.3_" the closing underscore is a word character.
    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)*(?!\d)")]
    private static partial Regex Id();
}
