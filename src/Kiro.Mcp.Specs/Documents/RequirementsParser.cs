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
        var isRequirement = headings.Select(h => RequirementHeading().IsMatch(h.Text)).ToList();
        for (var index = 0; index < headings.Count; index++)
        {
            var heading = headings[index];
            var match = RequirementHeading().Match(heading.Text);
            if (!match.Success)
            {
                continue;
            }
            // A requirement runs to the next requirement heading of its level or above, or to any
            // heading above it: "### Acceptance Criteria" written at the requirement's own level
            // still belongs to it. The search starts at the heading itself, so requirements of one
            // level search disjoint stretches and the whole loop stays linear.
            var end = markdown.Lines.Count + 1;
            for (var j = index + 1; j < headings.Count; j++)
            {
                if (headings[j].Level < heading.Level || (headings[j].Level == heading.Level && isRequirement[j]))
                {
                    end = headings[j].Line;
                    break;
                }
            }
            var id = match.Groups["id"].Value;
            var title = match.Groups["title"].Value.Trim().TrimEnd('*', '_').Trim();
            requirements.Add(new Requirement(
                id,
                title.Length > 0 ? title : null,
                UserStory(markdown, heading.Line + 1, end),
                Criteria(markdown, id, index, end),
                heading.Line));
        }
        return new RequirementsDocument(DocumentKind.Requirements, requirements, Glossary(markdown), headings);
    }

    public static RequirementsDocument ParseBugfix(string text)
    {
        var markdown = ParsedMarkdown.Parse(text);
        var headings = markdown.Headings;
        var isBehaviour = headings.Select(h => BehaviourHeading().IsMatch(h.Text)).ToList();
        var clauses = new List<(string Major, Criterion Criterion)>();
        // Clauses are read from paragraphs (top level or in list items), so nothing in a code block counts.
        foreach (var paragraph in markdown.Paragraphs)
        {
            List<string>? wrapped = null;
            foreach (var (line, content) in markdown.ContentLines(paragraph))
            {
                if (Clause().Match(content) is { Success: true } match)
                {
                    Close(clauses, wrapped);
                    var major = match.Groups["major"].Value;
                    clauses.Add((major, new Criterion($"{major}.{match.Groups["minor"].Value}", match.Groups["text"].Value.Trim(), line)));
                    wrapped = [];
                }
                else if (wrapped is not null && content.Trim().Length > 0)
                {
                    // A clause may wrap onto the following lines of its paragraph (joined once at the end,
                    // not appended line by line, which would copy a long clause once per line).
                    wrapped.Add(content.Trim());
                }
            }
            Close(clauses, wrapped);
        }

        var requirements = clauses
            .OrderBy(c => c.Criterion.Line)
            .GroupBy(c => c.Major)
            .Select(group =>
            {
                var first = group.First().Criterion.Line;
                var section = Section(markdown, first, isBehaviour);
                return new Requirement(group.Key, section?.Text, null, group.Select(c => c.Criterion).ToList(), section?.Line ?? first);
            })
            .ToList();
        return new RequirementsDocument(DocumentKind.Bugfix, requirements, Glossary(markdown), headings);
    }

    private static string? UserStory(ParsedMarkdown markdown, int from, int to)
    {
        foreach (var paragraph in markdown.ParagraphsWithin(from, to))
        {
            List<string>? story = null;
            foreach (var (_, content) in markdown.ContentLines(paragraph))
            {
                if (story is null)
                {
                    // Trailing blanks go first: after them the pattern has nothing left to retry.
                    var match = UserStoryLine().Match(content.TrimEnd());
                    story = match.Success ? [match.Groups["story"].Value.Trim()] : null;
                }
                else if (content.TrimStart().StartsWith("**", StringComparison.Ordinal) || content.Trim().Length == 0)
                {
                    // The next bold label ("**Priority:** …") is not part of the story.
                    break;
                }
                else
                {
                    story.Add(content.Trim());
                }
            }
            if (story is not null)
            {
                return string.Join(' ', story);
            }
        }
        return null;
    }

    /// <summary>Appends the wrapped lines of the last clause to its text.</summary>
    private static void Close(List<(string Major, Criterion Criterion)> clauses, List<string>? wrapped)
    {
        if (wrapped is { Count: > 0 })
        {
            var (major, clause) = clauses[^1];
            clauses[^1] = (major, clause with { Text = $"{clause.Text} {string.Join(' ', wrapped)}" });
        }
    }

    /// <summary>
    /// The section a bugfix clause group sits in: the innermost "Current/Expected/Unchanged Behavior"
    /// section holding <paramref name="line"/>, or else the last heading above it. Sections nest at most
    /// six deep, so walking up from the last heading above the line is short.
    /// </summary>
    private static Heading? Section(ParsedMarkdown markdown, int line, List<bool> isBehaviour)
    {
        var headings = markdown.Headings;
        var offset = markdown.Lines.Start(line);
        var above = markdown.FirstHeadingAfter(line - 1) - 1;
        // The headings whose sections hold the line are the last heading at or above it and those that
        // contain that heading; each one up has a lower level.
        var level = int.MaxValue;
        for (var i = markdown.FirstHeadingAfter(line) - 1; i >= 0 && level > 1; i--)
        {
            var heading = headings[i];
            if (heading.Level >= level)
            {
                continue;
            }
            level = heading.Level;
            if (isBehaviour[i] && offset >= heading.Start && offset < heading.End)
            {
                return heading;
            }
        }
        return above >= 0 ? headings[above] : null;
    }

    private static List<Criterion> Criteria(ParsedMarkdown markdown, string requirementId, int headingIndex, int end)
    {
        // Prefer the lists under "Acceptance Criteria" when the requirement has that heading; a
        // numbered list elsewhere in the requirement (steps, notes) is then not a criterion.
        var heading = markdown.Headings[headingIndex];
        var (from, to) = (heading.Line + 1, end);
        Heading? acceptance = null;
        for (var j = headingIndex + 1; j < markdown.Headings.Count && markdown.Headings[j].Line < end; j++)
        {
            if (AcceptanceHeading().IsMatch(markdown.Headings[j].Text))
            {
                acceptance = markdown.Headings[j];
                break;
            }
        }
        if (acceptance is not null)
        {
            (from, to) = (acceptance.Line + 1, Math.Min(end, markdown.EndLine(acceptance)));
        }
        var criteria = new List<Criterion>();
        // Only lists at the top level: a numbered list nested in a criterion belongs to that criterion.
        foreach (var list in markdown.TopLevelWithin(from, to).OfType<ListBlock>().Where(l => l.IsOrdered))
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
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
                if (term.Length > 0 && seen.Add(term))
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
