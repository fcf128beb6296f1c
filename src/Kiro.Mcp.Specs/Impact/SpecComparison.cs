using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Impact;

/// <summary>Compares two versions of one spec: criteria by id, design sections by heading path, tasks by id.</summary>
internal static class SpecComparison
{
    public static SpecImpact Compare(string spec, IReadOnlyList<string> documents, SpecVersion before, SpecVersion after)
    {
        var old = Criteria(before.Criteria);
        var now = Criteria(after.Criteria);
        var reworded = now.Keys.Where(id => old.TryGetValue(id, out var text) && Normalize(text) != Normalize(now[id])).ToList();
        var removed = old.Keys.Where(id => !now.ContainsKey(id)).ToList();
        var oldTasks = before.Tasks?.Tasks.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First()) ?? [];
        var newTasks = after.Tasks?.Tasks ?? [];
        var doubted = reworded.Concat(removed).ToHashSet(StringComparer.Ordinal);
        var recheck = newTasks
            .Where(t => t.Status == TaskStatus.Done && t.Requirements.Any(r => doubted.Contains(r) || doubted.Any(c => c.StartsWith(r + ".", StringComparison.Ordinal))))
            .Select(t => new TaskReference(spec, t.Id, t.Title, t.Requirements))
            .ToList();
        return new SpecImpact(
            spec,
            documents,
            now.Keys.Where(id => !old.ContainsKey(id)).ToList(),
            removed,
            reworded,
            Sections(before.DesignText, before.Design, after.DesignText, after.Design),
            newTasks.Select(t => t.Id).Where(id => !oldTasks.ContainsKey(id)).Distinct().ToList(),
            oldTasks.Keys.Where(id => newTasks.All(t => t.Id != id)).ToList(),
            newTasks.Where(t => t.Status != TaskStatus.Done && oldTasks.TryGetValue(t.Id, out var was) && was.Status == TaskStatus.Done).Select(t => t.Id).ToList(),
            recheck);
    }

    private static Dictionary<string, string> Criteria(RequirementsDocument? document) =>
        (document?.Requirements ?? []).SelectMany(r => r.Criteria).GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);

    /// <summary>Whitespace and line-ending changes are not rewording.</summary>
    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<string> Sections(string? beforeText, DesignDocument? before, string? afterText, DesignDocument? after)
    {
        var old = OwnTexts(beforeText, before);
        var now = OwnTexts(afterText, after);
        var changes = new List<string>();
        foreach (var (path, text) in now)
        {
            if (!old.TryGetValue(path, out var was))
            {
                changes.Add($"{path}: added");
            }
            else if (Normalize(was) != Normalize(text))
            {
                changes.Add($"{path}: changed");
            }
        }
        changes.AddRange(old.Keys.Where(p => !now.ContainsKey(p)).Select(p => $"{p}: removed"));
        return changes;
    }

    /// <summary>
    /// Each section's own text (up to the next heading of any level), keyed by its heading path below the title, so a
    /// change in a sub-section is reported once, there, and not again for every section around it.
    /// </summary>
    private static Dictionary<string, string> OwnTexts(string? text, DesignDocument? design)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text is null || design is null)
        {
            return sections;
        }
        var headings = design.Headings;
        var trail = new List<Heading>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            trail.RemoveAll(h => h.Level >= heading.Level);
            trail.Add(heading);
            if (heading.Level < 2)
            {
                continue; // the document's title
            }
            var end = i + 1 < headings.Count ? headings[i + 1].Start : text.Length;
            var path = string.Join(" > ", trail.Where(h => h.Level >= 2).Select(h => h.Text));
            sections.TryAdd(path, text[heading.BodyStart..Math.Max(heading.BodyStart, end)]);
        }
        return sections;
    }
}
