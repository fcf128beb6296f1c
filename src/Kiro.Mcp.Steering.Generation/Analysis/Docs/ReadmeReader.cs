using System.Text;
using System.Text.RegularExpressions;

namespace Kiro.Mcp.Steering.Generation.Analysis.Docs;

/// <summary>Reads the README's title, summary and the sections product.md draws on, line by line (code blocks kept as code).</summary>
public static partial class ReadmeReader
{
    private const int MaxItems = 15;
    private const int MaxDocs = 20;
    private const int MaxCodeLines = 30;

    public static async Task<ReadmeFacts> ReadAsync(string root, RepositoryFiles files, CancellationToken cancellationToken)
    {
        var readme = files.Files.Where(f => !f.Contains('/', StringComparison.Ordinal) && RepositoryFiles.FileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Equals("README.md", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal)
            .FirstOrDefault();
        var docs = new List<KeyValuePair<string, string>>();
        foreach (var doc in files.Files.Where(f => f.StartsWith("docs/", StringComparison.Ordinal) && f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && f.Count(c => c == '/') == 1).Take(MaxDocs))
        {
            var text = await Manifests.ManifestAnalyzer.ReadTextAsync(root, doc, cancellationToken);
            if (text is not null && Title(text) is { } title)
            {
                docs.Add(new(doc, title));
            }
        }
        var readmeText = readme is null ? null : await Manifests.ManifestAnalyzer.ReadTextAsync(root, readme, cancellationToken);
        if (readmeText is null)
        {
            return new ReadmeFacts(null, null, [], null, [], [], [], docs);
        }
        var sections = Sections(readmeText);
        var (featuresHeading, features) = Find(sections, FeaturesPattern(), bulletsOnly: true);
        return new ReadmeFacts(
            readme,
            Title(readmeText),
            Paragraphs(sections.FirstOrDefault(s => s.Level <= 1)?.Lines ?? []),
            featuresHeading,
            features,
            Find(sections, AudiencePattern(), bulletsOnly: false).Items,
            Find(sections, GoalsPattern(), bulletsOnly: false).Items,
            docs);
    }

    internal static string? Title(string text)
    {
        foreach (var line in Lines(text))
        {
            if (!line.Code && line.Text.StartsWith("# ", StringComparison.Ordinal))
            {
                return Clean(line.Text[2..]);
            }
        }
        return null;
    }

    private static (string? Heading, IReadOnlyList<string> Items) Find(List<Section> sections, Regex pattern, bool bulletsOnly)
    {
        var section = sections.FirstOrDefault(s => s.Level >= 2 && pattern.IsMatch(s.Heading));
        if (section is null)
        {
            return (null, []);
        }
        var bullets = Bullets(section.Lines);
        return (section.Heading, bullets.Count > 0 || bulletsOnly ? bullets : Paragraphs(section.Lines));
    }

    /// <summary>Top-level bullets, each with its indented continuation lines joined (a wrapped bullet is one item).</summary>
    private static List<string> Bullets(List<Line> lines)
    {
        var bullets = new List<string>();
        var inBullet = false;
        foreach (var line in lines.Where(l => !l.Code).Select(l => l.Text))
        {
            if (BulletPattern().IsMatch(line))
            {
                bullets.Add(BulletPattern().Replace(line, "", 1).Trim());
                inBullet = true;
            }
            else if (inBullet && line.Length > 0 && char.IsWhiteSpace(line[0]) && !BulletPattern().IsMatch(line.TrimStart()))
            {
                bullets[^1] += " " + line.Trim();
            }
            else
            {
                inBullet = false;
            }
        }
        return bullets.Select(Clean).Where(b => b.Length > 0).Take(MaxItems).ToList();
    }

    /// <summary>
    /// Prose paragraphs, joined per paragraph, and code blocks kept as fenced blocks (joining a block's
    /// lines would turn commands into one run-on line); lines that are badges, images, HTML, tables or
    /// quotes are not prose.
    /// </summary>
    private static List<string> Paragraphs(List<Line> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var code = new List<string>();
        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(Clean(current.ToString()));
                current.Clear();
            }
            if (code.Count > 0)
            {
                while (code.Count > 0 && code[^1].Trim().Length == 0)
                {
                    code.RemoveAt(code.Count - 1);
                }
                // product.md is included in every task context: a README's long listing is cut, not copied whole.
                var shown = code.Count <= MaxCodeLines ? code : [.. code.Take(MaxCodeLines), "…"];
                paragraphs.Add("```\n" + string.Join('\n', shown) + "\n```");
                code.Clear();
            }
        }
        foreach (var (line, isCode) in lines)
        {
            if (isCode)
            {
                if (current.Length > 0)
                {
                    Flush();
                }
                code.Add(line);
                continue;
            }
            if (code.Count > 0)
            {
                Flush();
            }
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('!') || trimmed.StartsWith("[!", StringComparison.Ordinal) || trimmed.StartsWith('<')
                || trimmed.StartsWith('|') || trimmed.StartsWith('>') || BulletPattern().IsMatch(line))
            {
                Flush();
                continue;
            }
            current.Append(current.Length == 0 ? "" : " ").Append(trimmed);
        }
        Flush();
        return paragraphs.Where(p => p.Length > 0).Take(4).ToList();
    }

    private static List<Section> Sections(string text)
    {
        var sections = new List<Section> { new(0, "", []) };
        foreach (var line in Lines(text))
        {
            var heading = HeadingPattern().Match(line.Code ? "" : line.Text);
            if (heading.Success)
            {
                sections.Add(new Section(heading.Groups["hashes"].Length, Clean(heading.Groups["text"].Value), []));
                continue;
            }
            sections[^1].Lines.Add(line);
        }
        // Text right after the title belongs with the title's (empty) preamble.
        if (sections.Count > 1 && sections[1].Level == 1)
        {
            sections[1].Lines.InsertRange(0, sections[0].Lines);
            sections.RemoveAt(0);
        }
        return sections;
    }

    /// <summary>
    /// The README's lines, each marked as code when it is inside a fenced block (the fences dropped) or
    /// an indented code block: four spaces or a tab after a blank line, outside a list.
    /// </summary>
    private static IEnumerable<Line> Lines(string text)
    {
        var fenced = false;
        var inList = false;
        var previousBlankOrCode = true;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal) || raw.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                previousBlankOrCode = true;
                continue;
            }
            var line = raw.TrimEnd();
            if (fenced)
            {
                yield return new Line(line, Code: true);
                continue;
            }
            var indented = raw.StartsWith("    ", StringComparison.Ordinal) || raw.StartsWith('\t');
            if (indented && line.Length > 0 && previousBlankOrCode && !inList)
            {
                yield return new Line(line.StartsWith('\t') ? line[1..] : line[4..], Code: true);
                continue;
            }
            if (BulletPattern().IsMatch(line.TrimStart()))
            {
                inList = true;
            }
            else if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inList = false;
            }
            previousBlankOrCode = line.Length == 0;
            yield return new Line(line, Code: false);
        }
    }

    private static string Clean(string text) => text.Trim().TrimEnd('#').Trim();

    private sealed record Section(int Level, string Heading, List<Line> Lines);

    private readonly record struct Line(string Text, bool Code);

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<text>.+)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^[-*+]\s+")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"\b(features?|what it does|capabilities|highlights|overview of features)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FeaturesPattern();

    [GeneratedRegex(@"\b(who (is it|it's|this is) for|audience|target users|for whom|users)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AudiencePattern();

    [GeneratedRegex(@"\b(goals?|objectives?|motivation|why)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoalsPattern();
}
