using DiffPlex.Renderer;

namespace Kiro.Mcp.Steering.Generation.Service;

/// <summary>A unified diff (git's format) between the file on disk and the generated text, bounded in size.</summary>
public static class UnifiedDiff
{
    public const int MaxLength = 12_000;

    public static string Create(string path, string current, string generated)
    {
        var diff = UnidiffRenderer.GenerateUnidiff(
            current.Replace("\r\n", "\n", StringComparison.Ordinal), generated, "a/" + path, "b/" + path, ignoreWhitespace: false, ignoreCase: false, contextLines: 3);
        return diff.Length <= MaxLength ? diff : diff[..MaxLength] + "\n… (diff truncated; call steering_generate with dryRun to see the whole document)\n";
    }
}
