using System.Text;

namespace Kiro.Mcp.Specs.Export;

/// <summary>
/// One issue per top-level task: its details, a checklist of its sub-tasks and the acceptance criteria
/// it covers (its own and its sub-tasks'), ending with a hidden marker holding the stable id, so a sync
/// script can find the issue again.
/// </summary>
public static class GithubIssues
{
    public static IReadOnlyList<GithubIssue> Of(ExportedSpec spec)
    {
        var criteria = spec.Requirements.SelectMany(r => r.Criteria).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var position = criteria.Keys.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var issues = new List<GithubIssue>();
        foreach (var task in spec.Tasks.Where(t => t.Parent is null))
        {
            var subTasks = spec.Tasks.Where(t => IsUnder(t, task)).ToList();
            var covered = task.Criteria.Concat(subTasks.SelectMany(s => s.Criteria)).Distinct()
                .OrderBy(id => position[id]).ToList();
            var body = new StringBuilder();
            foreach (var detail in task.Details)
            {
                body.Append("- ").Append(detail).Append('\n');
            }
            Section(body, "Sub-tasks", subTasks.Select(s => $"- [{(s.Status == "done" ? "x" : " ")}] {s.Number} {s.Title}{(s.Optional ? " (optional)" : "")}"));
            Section(body, "Acceptance criteria", covered.Select(id => $"- **{criteria[id].Number}** {criteria[id].Text}"));
            body.Append(body.Length > 0 ? "\n" : "").Append("<!-- kiro-mcp: ").Append(task.Id).Append(" -->\n");
            var labels = new List<string> { "kiro", "spec:" + spec.Id };
            if (task.Optional)
            {
                labels.Add("optional");
            }
            issues.Add(new GithubIssue(task.Id, $"[{spec.Id}] {task.Number}{(task.Number.Contains('.', StringComparison.Ordinal) ? "" : ".")} {task.Title}", body.ToString(), labels, task.Status == "done" ? "closed" : "open"));
        }
        return issues;
    }

    private static bool IsUnder(ExportedTask task, ExportedTask top) =>
        task.Parent is not null && (task.Parent == top.Id || task.Parent.StartsWith(top.Id + ".", StringComparison.Ordinal));

    private static void Section(StringBuilder body, string heading, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }
        body.Append(body.Length > 0 ? "\n" : "").Append("### ").Append(heading).Append('\n');
        foreach (var line in items)
        {
            body.Append(line).Append('\n');
        }
    }
}
