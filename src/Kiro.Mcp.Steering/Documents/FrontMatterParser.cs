using Kiro.Mcp.Steering.Matching;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiro.Mcp.Steering.Documents;

/// <summary>
/// Reads the YAML front matter of a steering file: <c>---</c> on the very first line, YAML, and a
/// closing <c>---</c> line. Never throws: whatever cannot be read becomes a finding, and the file is
/// then treated as <c>always</c>, as Kiro does.
/// </summary>
public static class FrontMatterParser
{
    public static FrontMatter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        var firstEnd = LineEnd(text, start);
        if (text.AsSpan(start, firstEnd.ContentEnd - start).TrimEnd() is not "---")
        {
            return FrontMatter.None;
        }

        // Find the closing fence; "..." also ends a YAML document.
        var lineStart = firstEnd.Next;
        while (lineStart < text.Length)
        {
            var end = LineEnd(text, lineStart);
            var line = text.AsSpan(lineStart, end.ContentEnd - lineStart).TrimEnd();
            if (line is "---" or "...")
            {
                var yaml = text[firstEnd.Next..lineStart];
                return Read(yaml, end.Next);
            }
            lineStart = end.Next;
        }
        return FrontMatter.None with
        {
            Findings = [new SteeringFinding("front_matter_unclosed",
                "The front matter opened with '---' on the first line is never closed, so the whole file is read as text and included always. Add a '---' line after the last key.")],
        };
    }

    private static FrontMatter Read(string yaml, int bodyStart)
    {
        var findings = new List<SteeringFinding>();
        YamlMappingNode? mapping;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            mapping = root as YamlMappingNode;
            if (root is not null and not YamlMappingNode && !(root is YamlScalarNode { Value: null or "" }))
            {
                findings.Add(new SteeringFinding("front_matter_invalid",
                    "The front matter is not a list of 'key: value' lines, so the file is included always. Write it as e.g. 'inclusion: manual'."));
            }
        }
        catch (Exception e) when (e is YamlException or ArgumentException)
        {
            // YamlDotNet reports duplicate keys as ArgumentException and syntax errors as YamlException.
            var where = e is YamlException y ? $" (front matter line {y.Start.Line})" : "";
            findings.Add(new SteeringFinding("front_matter_invalid",
                $"The front matter is not valid YAML{where}: {FirstLine(e.Message)} The file is included always until it is fixed; quote values that contain ':', '*', '[' or '#'."));
            return FrontMatter.None with { BodyStart = bodyStart, Findings = findings };
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (mapping is not null)
        {
            foreach (var entry in mapping.Children)
            {
                if (entry.Key is YamlScalarNode { Value: { } key })
                {
                    values[key] = entry.Value;
                }
            }
        }

        var inclusion = Inclusion.Always;
        if (values.TryGetValue("inclusion", out var inclusionNode))
        {
            var spelled = Scalar(inclusionNode);
            if (InclusionNames.TryParse(spelled) is { } parsed)
            {
                inclusion = parsed;
            }
            else
            {
                findings.Add(new SteeringFinding("inclusion_invalid",
                    $"'inclusion: {spelled}' is not an inclusion mode, so the file is included always. Use always, fileMatch, manual or auto."));
            }
        }

        var patterns = values.TryGetValue("fileMatchPattern", out var patternNode) ? Patterns(patternNode, findings) : [];
        // A glob too long or with too many brace alternatives matches nothing: said here, once, rather than
        // costing memory at every match.
        foreach (var pattern in patterns)
        {
            if (FilePatterns.Problem(pattern) is { } problem)
            {
                findings.Add(new SteeringFinding("pattern_too_complex", problem));
            }
        }
        var description = values.TryGetValue("description", out var descriptionNode) ? Scalar(descriptionNode) : null;
        var name = values.TryGetValue("name", out var nameNode) ? Scalar(nameNode) : null;

        if (inclusion == Inclusion.FileMatch && patterns.Count == 0)
        {
            findings.Add(new SteeringFinding("pattern_missing",
                "'inclusion: fileMatch' needs 'fileMatchPattern' (a glob such as \"src/**/*.ts\", or a list of globs); without one the file is never included for a file."));
        }
        if (inclusion == Inclusion.Auto && string.IsNullOrWhiteSpace(description))
        {
            findings.Add(new SteeringFinding("description_missing",
                "'inclusion: auto' needs a 'description' saying when the document applies; without one the assistant cannot tell when to ask for it."));
        }
        return new FrontMatter(inclusion, patterns, string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            string.IsNullOrWhiteSpace(description) ? null : description.Trim(), bodyStart, findings);
    }

    private static List<string> Patterns(YamlNode node, List<SteeringFinding> findings)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return FilePatterns.Split(scalar.Value ?? "");
            case YamlSequenceNode sequence:
                var patterns = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } value })
                    {
                        patterns.AddRange(FilePatterns.Split(value));
                    }
                    else
                    {
                        findings.Add(new SteeringFinding("pattern_invalid", "An entry of 'fileMatchPattern' is not a plain string and is ignored. Write each glob as a quoted string."));
                    }
                }
                return patterns;
            default:
                findings.Add(new SteeringFinding("pattern_invalid",
                    "'fileMatchPattern' must be a glob string or a list of glob strings, e.g. [\"**/*.ts\", \"**/*.tsx\"]; it is ignored."));
                return [];
        }
    }

    private static string? Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }

    private static (int ContentEnd, int Next) LineEnd(string text, int start)
    {
        var newline = text.IndexOf('\n', start);
        if (newline < 0)
        {
            return (text.Length, text.Length);
        }
        var contentEnd = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
        return (contentEnd, newline + 1);
    }
}
