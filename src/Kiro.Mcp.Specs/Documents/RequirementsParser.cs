using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>Reads requirements.md ("### Requirement N: Title", user story, numbered criteria) and bugfix.md (clauses "1.1 WHEN …").</summary>
public static partial class RequirementsParser
{
    public static RequirementsDocument Parse(string text)
    {
        var headings = MarkdownOutline.Parse(text, out var document);
        var lines = new SourceLines(text);
        var requirements = new List<Requirement>();
        foreach (var heading in headings)
        {
            var match = RequirementHeading().Match(heading.Text);
            if (!match.Success)
            {
                continue;
            }
            var end = headings.FirstOrDefault(h => h.Start > heading.Start && h.Level <= heading.Level && RequirementHeading().IsMatch(h.Text))?.Start
                ?? headings.FirstOrDefault(h => h.Start > heading.Start && h.Level < heading.Level)?.Start
                ?? text.Length;
            var (first, last) = (heading.Line + 1, end >= text.Length ? lines.Count : lines.LineOf(end) - 1);
            string? story = null;
            for (var line = first; line <= last && story is null; line++)
            {
                var s = UserStory().Match(lines[line]);
                story = s.Success ? s.Groups["story"].Value.Trim() : null;
            }
            // Criteria: the items of the first ordered list in the section; nested lists belong to their item.
            var list = document.Descendants<ListBlock>().FirstOrDefault(l => l.IsOrdered && l.Line + 1 >= first && l.Line + 1 <= last);
            var criteria = new List<Criterion>();
            if (list is not null)
            {
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var itemLine = item.Line + 1;
                    var numbered = Numbered().Match(lines[itemLine]);
                    var number = numbered.Success ? numbered.Groups["n"].Value : (criteria.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    criteria.Add(new Criterion($"{match.Groups["id"].Value}.{number}", ItemText(item, lines), itemLine));
                }
            }
            var title = match.Groups["title"].Success && match.Groups["title"].Value.Trim().Length > 0 ? match.Groups["title"].Value.Trim() : null;
            requirements.Add(new Requirement(match.Groups["id"].Value, title, story, criteria, heading.Line));
        }
        return new RequirementsDocument(DocumentKind.Requirements, requirements, Glossary(headings, lines), headings);
    }

    public static RequirementsDocument ParseBugfix(string text)
    {
        var headings = MarkdownOutline.Parse(text, out var document);
        var lines = new SourceLines(text);
        var code = document.Descendants<CodeBlock>().Select(c => (First: c.Line + 1, Last: c.Line + 1 + Math.Max(c.Lines.Count, 1))).ToList();
        var clauses = new List<(string Section, Criterion Criterion)>();
        for (var line = 1; line <= lines.Count; line++)
        {
            var match = Clause().Match(lines[line]);
            if (!match.Success || code.Any(c => line >= c.First && line <= c.Last))
            {
                continue;
            }
            var textOfClause = match.Groups["text"].Value.Trim();
            var clauseLine = line;
            // A clause may wrap onto following lines of the same paragraph.
            while (line + 1 <= lines.Count && lines[line + 1].Trim().Length > 0 && !Clause().IsMatch(lines[line + 1]) && !lines[line + 1].TrimStart().StartsWith('#'))
            {
                textOfClause += " " + lines[++line].Trim();
            }
            clauses.Add((match.Groups["major"].Value, new Criterion($"{match.Groups["major"].Value}.{match.Groups["minor"].Value}", textOfClause, clauseLine)));
        }
        var requirements = clauses.GroupBy(c => c.Section).Select(g =>
        {
            var firstLine = g.First().Criterion.Line;
            var heading = headings.LastOrDefault(h => h.Line < firstLine);
            return new Requirement(g.Key, heading?.Text, null, g.Select(c => c.Criterion).ToList(), heading?.Line ?? firstLine);
        }).ToList();
        return new RequirementsDocument(DocumentKind.Bugfix, requirements, Glossary(headings, lines), headings);
    }

    internal static string ItemText(ListItemBlock item, SourceLines lines)
    {
        if (item.FirstOrDefault() is not ParagraphBlock paragraph)
        {
            return Numbered().Replace(lines[item.Line + 1], "").Trim();
        }
        var text = Enumerable.Range(paragraph.Line + 1, Math.Max(paragraph.Lines.Count, 1)).Select(l => lines[l].Trim());
        return Numbered().Replace(string.Join(' ', text), "").Trim();
    }

    private static List<string> Glossary(IReadOnlyList<Heading> headings, SourceLines lines)
    {
        var glossary = headings.FirstOrDefault(h => h.Text.Equals("Glossary", StringComparison.OrdinalIgnoreCase));
        if (glossary is null)
        {
            return [];
        }
        var terms = new List<string>();
        for (var line = glossary.Line + 1; line <= lines.Count && lines.Start(line) < glossary.End; line++)
        {
            if (GlossaryTerm().Match(lines[line]) is { Success: true } match)
            {
                terms.Add(match.Groups["term"].Value.Trim());
            }
        }
        return terms;
    }

    [GeneratedRegex(@"^Requirement\s+(?<id>\d+)\s*(?:[:.\-–—]\s*(?<title>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex RequirementHeading();

    [GeneratedRegex(@"^\s*[-*]?\s*\*\*User Story:?\*\*:?\s*(?<story>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex UserStory();

    [GeneratedRegex(@"^\s*(?<n>\d+)[.)]\s+")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^\s*(?:[-*]\s+)?\**(?<major>\d+)\.(?<minor>\d+)\.?\**\s+(?<text>\S.*)$")]
    private static partial Regex Clause();

    [GeneratedRegex(@"^\s*[-*]\s+\*\*(?<term>[^*]+)\*\*")]
    private static partial Regex GlossaryTerm();
}
