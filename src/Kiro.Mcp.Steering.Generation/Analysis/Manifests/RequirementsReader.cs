namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>requirements*.txt: one requirement a line (options, includes and comments skipped).</summary>
public sealed class RequirementsReader : IManifestReader
{
    public bool Reads(string relativePath)
    {
        var name = RepositoryFiles.FileName(relativePath);
        return name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
    }

    public EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files)
    {
        var dependencies = text.Split('\n').Select(Pep508.Parse).OfType<Dependency>();
        var dev = RepositoryFiles.FileName(relativePath).Contains("dev", StringComparison.OrdinalIgnoreCase)
            || RepositoryFiles.FileName(relativePath).Contains("test", StringComparison.OrdinalIgnoreCase);
        var sorted = ManifestText.Sorted(dependencies);
        return new EcosystemFacts(
            "Python", relativePath, null, [ManifestText.Fact("Package manager", "pip")],
            dev ? [] : sorted, dev ? sorted : [],
            [new CommandFact($"Python ({relativePath})", ManifestText.CdPrefix(relativePath) + $"pip install -r {RepositoryFiles.FileName(relativePath)}", null)]);
    }
}
