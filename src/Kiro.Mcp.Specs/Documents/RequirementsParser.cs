using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// Reads requirements.md ("### Requirement N: Title", user story, numbered acceptance criteria) and
/// bugfix.md (clauses "1.1 WHEN … THEN …" under Current / Expected / Unchanged Behavior).
/// </summary>
public static partial class RequirementsParser
{
    public static RequirementsDocument Parse(string text)
    {
        var markdown = ParsedMarkdown.Parse(text);
        var headings = markdown.Headings;
        var requirements = new List<Requirement>();
        foreach (var heading in headings)
        {
            var match = RequirementHeading().Match(heading.Text);
            if (!match.Success)
            {
                continue;
            }
            // A requirement runs to the next requirement heading of its level or above, or to any
            // heading above it: "### Acceptance Criteria" written at the requirement's own level
            // still belongs to it.
            var next = headings.FirstOrDefault(h => h.Line > heading.Line
                && (h.Level < heading.Level || (h.Level == heading.Level && RequirementHeading().IsMatch(h.Text))));
            var end = next?.Line ?? markdown.Lines.Count + 1;
            var id = match.Groups["id"].Value;
            var title = match.Groups["title"].Value.Trim().TrimEnd('*', '_').Trim();
            requirements.Add(new Requirement(
                id,
                title.Length > 0 ? title : null,
                UserStory(markdown, heading.Line + 1, end),
                Criteria(markdown, id, heading, end),
                heading.Line));
        }
        return new RequirementsDocument(DocumentKind.Requirements, requirements, Glossary(markdown), headings);
    }

    public static RequirementsDocument ParseBugfix(string text)
    {
        var markdown = ParsedMarkdown.Parse(text);
        var headings = markdown.Headings;
        var behaviour = headings.Where(h => BehaviourHeading().IsMatch(h.Text)).ToList();
        var clauses = new List<(string Major, Criterion Criterion)>();
        // Clauses are read from paragraphs (top level or in list items), so nothing in a code block counts.
        foreach (var paragraph in markdown.Document.Descendants<ParagraphBlock>())
        {
            var inClause = false;
            foreach (var (line, content) in markdown.ContentLines(paragraph))
            {
                if (Clause().Match(content) is { Success: true } match)
                {
                    var major = match.Groups["major"].Value;
                    clauses.Add((major, new Criterion($"{major}.{match.Groups["minor"].Value}", match.Groups["text"].Value.Trim(), line)));
                    inClause = true;
                }
                else if (inClause && content.Trim().Length > 0)
                {
                    // A clause may wrap onto the following lines of its paragraph.
                    var (major, clause) = clauses[^1];
                    clauses[^1] = (major, clause with { Text = $"{clause.Text} {content.Trim()}" });
                }
            }
        }

        var requirements = clauses
            .OrderBy(c => c.Criterion.Line)
            .GroupBy(c => c.Major)
            .Select(group =>
            {
                var first = group.First().Criterion.Line;
                var offset = markdown.Lines.Start(first);
                var section = behaviour.LastOrDefault(h => offset >= h.Start && offset < h.End)
                    ?? headings.LastOrDefault(h => h.Line < first);
                return new Requirement(group.Key, section?.Text, null, group.Select(c => c.Criterion).ToList(), section?.Line ?? first);
            })
            .ToList();
        return new RequirementsDocument(DocumentKind.Bugfix, requirements, Glossary(markdown), headings);
    }

    private static string? UserStory(ParsedMarkdown markdown, int from, int to)
    {
        foreach (var paragraph in markdown.Document.Descendants<ParagraphBlock>().Where(p => ParsedMarkdown.Within(p, from, to)))
        {
            string? story = null;
            foreach (var (_, content) in markdown.ContentLines(paragraph))
            {
                if (story is null)
                {
                    var match = UserStoryLine().Match(content);
                    story = match.Success ? match.Groups["story"].Value.Trim() : null;
                }
                else if (content.TrimStart().StartsWith("**", StringComparison.Ordinal) || content.Trim().Length == 0)
                {
                    // The next bold label ("**Priority:** …") is not part of the story.
                    break;
                }
                else
                {
                    story = $"{story} {content.Trim()}";
                }
            }
            if (story is not null)
            {
                return story;
            }
        }
        return null;
    }

    private static List<Criterion> Criteria(ParsedMarkdown markdown, string requirementId, Heading heading, int end)
    {
        // Prefer the lists under "Acceptance Criteria" when the requirement has that heading; a
        // numbered list elsewhere in the requirement (steps, notes) is then not a criterion.
        var (from, to) = (heading.Line + 1, end);
        var acceptance = markdown.Headings.FirstOrDefault(h => h.Line > heading.Line && h.Line < end && AcceptanceHeading().IsMatch(h.Text));
        if (acceptance is not null)
        {
            (from, to) = (acceptance.Line + 1, Math.Min(end, markdown.EndLine(acceptance)));
        }
        var criteria = new List<Criterion>();
        // Only lists at the top level: a numbered list nested in a criterion belongs to that criterion.
        foreach (var list in markdown.Document.OfType<ListBlock>().Where(l => l.IsOrdered && ParsedMarkdown.Within(l, from, to)))
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var line = ParsedMarkdown.LineOf(item);
                // Markdig keeps each item's number as written ("1. 2. 2. 4." stays 1, 2, 2, 4), so the
                // validator can report the gap and the duplicate.
                var number = item.Order.ToString(CultureInfo.InvariantCulture);
                criteria.Add(new Criterion($"{requirementId}.{number}", ItemText(markdown, item), line));
            }
        }
        return criteria;
    }

    /// <summary>The first paragraph of a list item, its lines trimmed and joined by spaces.</summary>
    internal static string ItemText(ParsedMarkdown markdown, ListItemBlock item) => item.FirstOrDefault() is ParagraphBlock paragraph
        ? string.Join(' ', markdown.ContentLines(paragraph).Select(l => l.Text.Trim()).Where(t => t.Length > 0))
        : "";

    private static List<string> Glossary(ParsedMarkdown markdown)
    {
        var terms = new List<string>();
        var glossary = markdown.Headings.FirstOrDefault(h => GlossaryHeading().IsMatch(h.Text));
        if (glossary is null)
        {
            return terms;
        }
        foreach (var item in markdown.Document.Descendants<ListItemBlock>().Where(i => ParsedMarkdown.Within(i, glossary.Line + 1, markdown.EndLine(glossary))))
        {
            if (item.FirstOrDefault() is ParagraphBlock paragraph
                && GlossaryTerm().Match(markdown.ContentLines(paragraph).First().Text) is { Success: true } match)
            {
                var term = match.Groups["term"].Value.Trim().TrimEnd(':', '：').Trim();
                if (term.Length > 0 && !terms.Contains(term))
                {
                    terms.Add(term);
                }
            }
        }
        return terms;
    }

    [GeneratedRegex(@"^[*_]{0,2}Requirement\s+(?<id>\d+)[*_]{0,2}\s*(?:[:.\-–—][*_]{0,2}\s*(?<title>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex RequirementHeading();

    [GeneratedRegex(@"^Acceptance\s+Criteria\b", RegexOptions.IgnoreCase)]
    private static partial Regex AcceptanceHeading();

    // "Glossary", "Glossary of Terms", "2. Glossary"; not "Requirement 5: Glossary Management".
    [GeneratedRegex(@"^(?:\d+\.?\s*)?Glossary\b", RegexOptions.IgnoreCase)]
    private static partial Regex GlossaryHeading();

    [GeneratedRegex(@"\b(?:Current|Expected|Unchanged)\s+Behaviou?r\b", RegexOptions.IgnoreCase)]
    private static partial Regex BehaviourHeading();

    // Both generations: "**User Story:** As a …" and "**User Story**: As a …".
    [GeneratedRegex(@"^\s*[*_]{0,2}User\s+Story\s*:?[*_]{0,2}\s*:?\s*(?<story>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex UserStoryLine();

    // "1.1 WHEN …", "1.1. WHEN …", "**1.1** WHEN …"; list markers are already gone from paragraph lines.
    [GeneratedRegex(@"^\s*[*_]{0,2}(?<major>\d+)\.(?<minor>\d+)[.:)]?[*_]{0,2}\s+(?<text>\S.*)$")]
    private static partial Regex Clause();

    [GeneratedRegex(@"^\s*(?:\*\*(?<term>[^*]+)\*\*|__(?<term>[^_]+)__)")]
    private static partial Regex GlossaryTerm();
}
