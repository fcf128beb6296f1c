using System.Text.RegularExpressions;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Makefile targets (explicit ones, not pattern rules or special targets), with a `## help` comment when present.</summary>
public static partial class MakefileReader
{
    public static bool Reads(string relativePath) => RepositoryFiles.FileName(relativePath) is "Makefile" or "makefile" or "GNUmakefile";

    public static IReadOnlyList<CommandFact> Read(string relativePath, string text)
    {
        var cd = relativePath.Contains('/', StringComparison.Ordinal) ? $"make -C {RepositoryFiles.Folder(relativePath)} " : "make ";
        var targets = new List<CommandFact>();
        foreach (var line in text.Split('\n'))
        {
            var match = TargetPattern().Match(line);
            if (!match.Success)
            {
                continue;
            }
            var comment = match.Groups["help"].Success ? match.Groups["help"].Value.Trim() : null;
            foreach (var target in match.Groups["targets"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!target.StartsWith('.') && !target.Contains('%', StringComparison.Ordinal) && !target.Contains('$', StringComparison.Ordinal)
                    && targets.All(t => t.Command != cd + target))
                {
                    targets.Add(new CommandFact($"Makefile ({relativePath})", cd + target, comment));
                }
            }
        }
        return targets;
    }

    [GeneratedRegex(@"^(?<targets>[A-Za-z0-9_.%$(){}/ -]+?)\s*:(?![=:])[^#\n]*?(##\s*(?<help>.*))?$")]
    private static partial Regex TargetPattern();
}
