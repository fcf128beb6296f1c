using System.Text.RegularExpressions;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Python requirement strings ("requests[socks]>=2.31; python_version>'3.8'") split into name and version spec.</summary>
internal static partial class Pep508
{
    public static Dependency? Parse(string requirement)
    {
        var line = requirement.Split('#')[0].Split(';')[0].Trim();
        if (line.Length == 0 || line.StartsWith('-'))
        {
            return null;
        }
        var match = NamePattern().Match(line);
        if (!match.Success)
        {
            return null;
        }
        var rest = line[match.Length..].Trim();
        return new Dependency(match.Groups["name"].Value, rest.Length == 0 ? null : rest);
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?")]
    private static partial Regex NamePattern();
}
