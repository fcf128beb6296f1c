using System.Text;
using System.Text.RegularExpressions;

namespace Kiro.Mcp.Steering.Generation.Analysis.Docs;

/// <summary>Reads the README's title, summary and the sections product.md draws on, line by line (fenced code skipped).</summary>
public static partial class ReadmeReader
{
    private const int MaxItems = 15;
    private const int MaxDocs = 20;

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
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                return Clean(line[2..]);
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
    private static List<string> Bullets(List<string> lines)
    {
        var bullets = new List<string>();
        var inBullet = false;
        foreach (var line in lines)
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

    /// <summary>Prose paragraphs, joined per paragraph; lines that are badges, images, HTML, tables or quotes are not prose.</summary>
    private static List<string> Paragraphs(List<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(Clean(current.ToString()));
                current.Clear();
            }
        }
        foreach (var line in lines)
        {
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
            var heading = HeadingPattern().Match(line);
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

    /// <summary>Lines outside fenced code blocks.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var fenced = false;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal) || raw.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            if (!fenced)
            {
                yield return raw.TrimEnd();
            }
        }
    }

    private static string Clean(string text) => text.Trim().TrimEnd('#').Trim();

    private sealed record Section(int Level, string Heading, List<string> Lines);

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
