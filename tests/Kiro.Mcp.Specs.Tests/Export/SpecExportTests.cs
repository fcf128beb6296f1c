using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;
using Kiro.Mcp.Specs.Export;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Export;

// Specs of both corpora exported in every format: our own (tests/Corpus/kiro) always, the real ones in
// ../shared/fixtures/kiro when it is beside the repository (skipped otherwise). The goldens under
// TestData/Export are reviewed output (UPDATE_GOLDEN=1 rewrites them); the other tests check the
// properties a tracker import relies on, whatever the golden says.
public sealed class SpecExportTests : IDisposable
{
    private static readonly (string Corpus, string Spec)[] Goldens =
    [
        (KiroFixtures.SharedName, "sanjay-k7r__kiro-demo/delete-confirmation"),
        (KiroFixtures.SharedName, "schoemi__lyco/zip-bomb-protection"),
        (KiroFixtures.SharedName, "PhiBao__between/01-record-core"),
        // The same kinds of spec in our own corpus: flush sub-tasks and an escaped optional marker; a
        // second-generation plan with a done optional task and a duplicate id; a German bugfix in CRLF with a BOM.
        (KiroFixtures.OwnName, "tidy-notes/note-tags"),
        (KiroFixtures.OwnName, "ledger-sync/import-statements"),
        (KiroFixtures.OwnName, "fenster-app/upload-limit"),
    ];

    // One spec per corpus with sub-tasks and linked criteria, and one of its sub-tasks, for the format checks.
    private static (string Spec, string Subtask) Sample(string corpus) => corpus == KiroFixtures.SharedName
        ? ("sanjay-k7r__kiro-demo/delete-confirmation", "1.1")
        : ("tidy-notes/note-tags", "2.1");

    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-export-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // One row per golden and format; the rows of an absent corpus are skipped with the reason.
    public static TheoryData<string, string, string> GoldenCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (corpus, spec) in Goldens)
        {
            var fixtures = KiroFixtures.Named(corpus);
            foreach (var format in new[] { "json", "csv", "github" })
            {
                var row = new TheoryDataRow<string, string, string>(corpus, spec, format);
                data.Add(fixtures.Present ? row : row.WithSkip(fixtures.MissingReason));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public async Task A_fixture_spec_exports_as_its_golden_file(string corpus, string fixture, string format)
    {
        var (specs, name) = Load(corpus, fixture);
        var export = await specs.ExportAsync(name, ExportFormats.Parse(format), CancellationToken.None);

        var golden = Path.Combine(TestDataRoot(), $"{name}.{(format == "github" ? "github.json" : format)}");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, export.Content);
        }
        Assert.True(File.Exists(golden), $"{golden} is missing: run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(golden), export.Content);
    }

    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public async Task The_json_model_links_criteria_and_tasks_both_ways_with_unique_ids(string corpus)
    {
        var (fixture, subtask) = Sample(corpus);
        var (specs, name) = Load(corpus, fixture);
        var export = await specs.ExportAsync(name, ExportFormat.Json, CancellationToken.None);
        var model = JsonDocument.Parse(export.Content).RootElement;

        var tasks = model.GetProperty("tasks").EnumerateArray().ToList();
        var criteria = model.GetProperty("requirements").EnumerateArray().SelectMany(r => r.GetProperty("criteria").EnumerateArray()).ToList();
        Assert.NotEmpty(tasks);
        Assert.NotEmpty(criteria);
        var ids = tasks.Concat(criteria).Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith(name + "/", id));

        var taskToCriteria = tasks.SelectMany(t => t.GetProperty("criteria").EnumerateArray().Select(c => (Task: t.GetProperty("id").GetString(), Criterion: c.GetString()))).ToHashSet();
        var criterionToTasks = criteria.SelectMany(c => c.GetProperty("tasks").EnumerateArray().Select(t => (Task: t.GetString(), Criterion: c.GetProperty("id").GetString()))).ToHashSet();
        Assert.NotEmpty(taskToCriteria);
        Assert.Equal(taskToCriteria.Order(), criterionToTasks.Order());
        // A sub-task ("1.1") belongs to its top-level task ("1"), whose parent link must name it.
        Assert.Equal($"{name}/task/{subtask.Split('.')[0]}", tasks.Single(t => t.GetProperty("number").GetString() == subtask).GetProperty("parent").GetString());
    }

    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public async Task The_csv_reads_back_with_one_row_per_task_and_subtasks_under_top_level_tasks(string corpus)
    {
        var (specs, name) = Load(corpus, Sample(corpus).Spec);
        var snapshot = await specs.LoadAsync(name, CancellationToken.None);
        var export = await specs.ExportAsync(name, ExportFormat.Csv, CancellationToken.None);

        using var csv = CsvReader.FromText(export.Content);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(new[] { "Issue id", "Parent id", "Summary", "Description", "Issue Type", "Status" }.ToDictionary(c => c, csv.GetString));
        }
        foreach (var column in new[] { "Summary", "Description", "Issue Type", "Status", "Parent id", "Labels" })
        {
            Assert.Contains(column, csv.Headers);
        }
        Assert.Equal(snapshot.Documents.Tasks!.Tasks.Count, rows.Count);
        Assert.Equal(export.Items, rows.Count);
        var byId = rows.ToDictionary(r => r["Issue id"]);
        foreach (var row in rows)
        {
            if (row["Issue Type"] == "Sub-task")
            {
                Assert.Equal("Task", byId[row["Parent id"]]["Issue Type"]);
            }
            else
            {
                Assert.Equal("", row["Parent id"]);
            }
            Assert.Contains(row["Status"], new[] { "To Do", "In Progress", "Done" });
        }
        Assert.Contains(rows, r => r["Issue Type"] == "Sub-task");
        Assert.Contains("Kiro id: " + name + "/task/2.1", byId.Values.Single(r => r["Summary"].StartsWith("2.1 ", StringComparison.Ordinal))["Description"]);
    }

    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public async Task Github_issues_are_one_per_top_level_task_with_a_checklist_of_its_subtasks(string corpus)
    {
        var (specs, name) = Load(corpus, Sample(corpus).Spec);
        var tasks = (await specs.LoadAsync(name, CancellationToken.None)).Documents.Tasks!.Tasks;
        var export = await specs.ExportAsync(name, ExportFormat.Github, CancellationToken.None);
        var issues = JsonDocument.Parse(export.Content).RootElement.EnumerateArray().ToList();

        Assert.Equal(tasks.Count(t => t.ParentId is null), issues.Count);
        foreach (var top in tasks.Where(t => t.ParentId is null))
        {
            var issue = issues.Single(i => i.GetProperty("id").GetString() == $"{name}/task/{top.Id}");
            var body = issue.GetProperty("body").GetString()!;
            foreach (var sub in tasks.Where(t => t.ParentId == top.Id))
            {
                Assert.Contains($"- [{(sub.Status == Kiro.Mcp.Specs.Documents.TaskStatus.Done ? "x" : " ")}] {sub.Id} {sub.Title}", body);
            }
            Assert.Equal(top.Status == Kiro.Mcp.Specs.Documents.TaskStatus.Done ? "closed" : "open", issue.GetProperty("state").GetString());
            Assert.EndsWith($"<!-- kiro-mcp: {name}/task/{top.Id} -->\n", body);
        }
    }

    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public async Task Every_fixture_spec_exports_in_every_format_and_the_same_spec_gives_the_same_bytes(string corpus)
    {
        var count = 0;
        foreach (var repository in KiroFixtures.Named(corpus).Workspaces("specs"))
        {
            var workspace = Path.Combine(_root, Path.GetFileName(repository));
            KiroFixtures.CopyFolder(Path.Combine(repository, ".kiro", "specs"), Path.Combine(workspace, ".kiro", "specs"));
            var specs = new SpecService(new FileStore(new WorkspaceRoot(workspace)), new SpecIndex(), TimeProvider.System);
            foreach (var name in specs.Names())
            {
                foreach (var format in Enum.GetValues<ExportFormat>())
                {
                    var first = await specs.ExportAsync(name, format, CancellationToken.None);
                    var second = await specs.ExportAsync(name, format, CancellationToken.None);
                    Assert.Equal(first.Content, second.Content);
                    Assert.False(string.IsNullOrEmpty(first.Content), $"{repository} {name} {format}");
                    count++;
                }
            }
        }
        // Each corpus has more specs than this; fewer exports means specs went missing.
        var minimum = corpus == KiroFixtures.SharedName ? 30 : 20;
        Assert.True(count > minimum, $"only {count} exports");
    }

    [Fact]
    public void An_unknown_format_is_refused_with_the_formats_that_exist()
    {
        var error = Assert.Throws<KiroException>(() => ExportFormats.Parse("xml"));
        Assert.Equal("format_invalid", error.Code);
        Assert.Contains("'github'", error.Message);
    }

    private (SpecService Specs, string Name) Load(string corpus, string fixture)
    {
        var repository = fixture.Split('/')[0];
        var name = fixture.Split('/')[1];
        var workspace = Path.Combine(_root, repository);
        KiroFixtures.CopyFolder(Path.Combine(KiroFixtures.Named(corpus).Root, repository, ".kiro", "specs", name), Path.Combine(workspace, ".kiro", "specs", name));
        return (new SpecService(new FileStore(new WorkspaceRoot(workspace)), new SpecIndex(), TimeProvider.System), name);
    }

    private static string TestDataRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "TestData", "Export"));
}
