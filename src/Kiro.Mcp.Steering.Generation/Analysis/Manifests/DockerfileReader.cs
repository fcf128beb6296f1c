namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Dockerfile instructions that matter for steering: FROM (images, not stage names) and EXPOSE.</summary>
public static class DockerfileReader
{
    public static bool Reads(string relativePath)
    {
        var name = RepositoryFiles.FileName(relativePath);
        return name == "Dockerfile" || name.StartsWith("Dockerfile.", StringComparison.Ordinal) || name.EndsWith(".Dockerfile", StringComparison.Ordinal);
    }

    public static DockerfileFacts Read(string relativePath, string text)
    {
        var images = new List<string>();
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ports = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var parts = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }
            if (parts[0].Equals("FROM", StringComparison.OrdinalIgnoreCase))
            {
                var image = parts.Skip(1).First(p => !p.StartsWith("--", StringComparison.Ordinal));
                if (!stages.Contains(image) && !images.Contains(image))
                {
                    images.Add(image);
                }
                var asIndex = Array.FindIndex(parts, p => p.Equals("AS", StringComparison.OrdinalIgnoreCase));
                if (asIndex > 0 && asIndex + 1 < parts.Length)
                {
                    stages.Add(parts[asIndex + 1]);
                }
            }
            else if (parts[0].Equals("EXPOSE", StringComparison.OrdinalIgnoreCase))
            {
                ports.AddRange(parts.Skip(1));
            }
        }
        return new DockerfileFacts(relativePath, images, ports.Distinct().ToList());
    }
}
