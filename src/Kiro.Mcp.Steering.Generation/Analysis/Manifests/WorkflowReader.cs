using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>GitHub Actions workflows (.github/workflows/*.yml): name, triggers and every step's `run` command.</summary>
public static class WorkflowReader
{
    public static bool Reads(string relativePath) =>
        relativePath.StartsWith(".github/workflows/", StringComparison.Ordinal)
        && (relativePath.EndsWith(".yml", StringComparison.Ordinal) || relativePath.EndsWith(".yaml", StringComparison.Ordinal));

    public static WorkflowFacts? Read(string relativePath, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return null;
        }
        var name = Scalar(root, "name");
        var triggers = Child(root, "on") switch
        {
            YamlScalarNode scalar => [scalar.Value ?? ""],
            YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
            YamlMappingNode mapping => mapping.Children.Keys.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
            _ => new List<string>(),
        };
        var commands = new List<string>();
        if (Child(root, "jobs") is YamlMappingNode jobs)
        {
            foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
            {
                if (Child(job, "steps") is not YamlSequenceNode steps)
                {
                    continue;
                }
                foreach (var step in steps.Children.OfType<YamlMappingNode>())
                {
                    if (Scalar(step, "run") is { } run)
                    {
                        commands.AddRange(run.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
                    }
                }
            }
        }
        return new WorkflowFacts(relativePath, name, triggers, commands.Distinct().ToList());
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
