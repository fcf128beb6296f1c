using System.Globalization;
using System.Text;
using CsvHelper;

namespace Kiro.Mcp.Specs.Export;

/// <summary>
/// Tasks as rows for Jira's CSV import (File → Import issues from CSV): top-level tasks become
/// "Task" issues and every sub-task a "Sub-task" of its top-level task, linked by the importer's
/// "Issue id" / "Parent id" columns (Jira's sub-tasks cannot nest, so deeper tasks hang on the top one).
/// Labels repeat the "Labels" column, the way the importer takes several labels.
/// </summary>
public static class JiraCsv
{
    private static readonly string[] Columns = ["Issue id", "Parent id", "Summary", "Description", "Issue Type", "Status"];

    public static (string Content, int Rows) Write(ExportedSpec spec)
    {
        var rowNumbers = spec.Tasks.Select((t, i) => (t.Id, Row: i + 1)).ToDictionary(x => x.Id, x => x.Row, StringComparer.Ordinal);
        var byId = spec.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var criteria = spec.Requirements.SelectMany(r => r.Criteria).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var labels = spec.Tasks.Select(t => Labels(spec, t)).ToList();
        var labelColumns = labels.Max(l => (int?)l.Count) ?? 1;

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default, leaveOpen: true))
        {
            foreach (var column in Columns.Concat(Enumerable.Repeat("Labels", labelColumns)))
            {
                csv.WriteField(column);
            }
            csv.EndRecord();
            for (var i = 0; i < spec.Tasks.Count; i++)
            {
                var task = spec.Tasks[i];
                var top = TopLevel(task, byId);
                csv.WriteField(rowNumbers[task.Id].ToString(CultureInfo.InvariantCulture));
                csv.WriteField(top == task ? "" : rowNumbers[top.Id].ToString(CultureInfo.InvariantCulture));
                csv.WriteField($"{task.Number} {task.Title}");
                csv.WriteField(Description(task, criteria));
                csv.WriteField(top == task ? "Task" : "Sub-task");
                csv.WriteField(Status(task.Status));
                foreach (var label in labels[i].Concat(Enumerable.Repeat("", labelColumns - labels[i].Count)))
                {
                    csv.WriteField(label);
                }
                csv.EndRecord();
            }
        }
        return (text.ToString(), spec.Tasks.Count);
    }

    private static ExportedTask TopLevel(ExportedTask task, Dictionary<string, ExportedTask> byId)
    {
        while (task.Parent is not null && byId.TryGetValue(task.Parent, out var parent))
        {
            task = parent;
        }
        return task;
    }

    private static string Description(ExportedTask task, Dictionary<string, ExportedCriterion> criteria)
    {
        var text = new StringBuilder();
        foreach (var detail in task.Details)
        {
            text.Append("- ").Append(detail).Append('\n');
        }
        if (task.Criteria.Count > 0)
        {
            text.Append(text.Length > 0 ? "\n" : "").Append("Acceptance criteria:\n");
            foreach (var id in task.Criteria)
            {
                text.Append("- ").Append(criteria[id].Number).Append(' ').Append(criteria[id].Text).Append('\n');
            }
        }
        text.Append(text.Length > 0 ? "\n" : "").Append("Kiro id: ").Append(task.Id);
        return text.ToString();
    }

    // Jira's default workflow statuses; "queued" is still work to do.
    private static string Status(string status) => status switch
    {
        "done" => "Done",
        "in_progress" => "In Progress",
        _ => "To Do",
    };

    private static List<string> Labels(ExportedSpec spec, ExportedTask task)
    {
        var labels = new List<string> { "kiro", "spec-" + spec.Id };
        if (task.Optional)
        {
            labels.Add("optional");
        }
        if (task.Checkpoint)
        {
            labels.Add("checkpoint");
        }
        return labels;
    }
}
