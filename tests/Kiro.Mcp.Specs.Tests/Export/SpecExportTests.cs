using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;
using Kiro.Mcp.Specs.Export;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Export;

// Real Kiro specs from ../shared/fixtures/kiro exported in every format. The goldens under
// TestData/Export are reviewed output (UPDATE_GOLDEN=1 rewrites them); the other tests check the
// properties a tracker import relies on, whatever the golden says.
public sealed class SpecExportTests : IDisposable
{
    private static readonly string[] Goldens =
    [
        "sanjay-k7r__kiro-demo/delete-confirmation",
        "schoemi__lyco/zip-bomb-protection",
        "PhiBao__between/01-record-core",
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-export-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string, string> GoldenCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in Goldens)
        {
            foreach (var format in new[] { "json", "csv", "github" })
            {
                data.Add(spec, format);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public async Task A_fixture_spec_exports_as_its_golden_file(string fixture, string format)
    {
        var (specs, name) = Load(fixture);
        var export = await specs.ExportAsync(name, ExportFormats.Parse(format), CancellationToken.None);

        var golden = Path.Combine(TestDataRoot(), $"{name}.{(format == "github" ? "github.json" : format)}");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, export.Content);
        }
        Assert.True(File.Exists(golden), $"{golden} is missing: run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(golden), export.Content);
    }

    [Fact]
    public async Task The_json_model_links_criteria_and_tasks_both_ways_with_unique_ids()
    {
        var (specs, name) = Load(Goldens[0]);
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
        // "1.1" belongs to task 1, whose parent link must name it.
        Assert.Equal($"{name}/task/1", tasks.Single(t => t.GetProperty("number").GetString() == "1.1").GetProperty("parent").GetString());
    }

    [Fact]
    public async Task The_csv_reads_back_with_one_row_per_task_and_subtasks_under_top_level_tasks()
    {
        var (specs, name) = Load(Goldens[0]);
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

    [Fact]
    public async Task Github_issues_are_one_per_top_level_task_with_a_checklist_of_its_subtasks()
    {
        var (specs, name) = Load(Goldens[0]);
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

    [Fact]
    public async Task Every_fixture_spec_exports_in_every_format_and_the_same_spec_gives_the_same_bytes()
    {
        var count = 0;
        foreach (var repository in Directory.GetDirectories(FixturePaths.Root).Where(r => Directory.Exists(Path.Combine(r, ".kiro", "specs"))))
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
        Assert.True(count > 30, $"only {count} exports");
    }

    [Fact]
    public void An_unknown_format_is_refused_with_the_formats_that_exist()
    {
        var error = Assert.Throws<KiroException>(() => ExportFormats.Parse("xml"));
        Assert.Equal("format_invalid", error.Code);
        Assert.Contains("'github'", error.Message);
    }

    private (SpecService Specs, string Name) Load(string fixture)
    {
        var repository = fixture.Split('/')[0];
        var name = fixture.Split('/')[1];
        var workspace = Path.Combine(_root, repository);
        KiroFixtures.CopyFolder(Path.Combine(FixturePaths.Root, repository, ".kiro", "specs", name), Path.Combine(workspace, ".kiro", "specs", name));
        return (new SpecService(new FileStore(new WorkspaceRoot(workspace)), new SpecIndex(), TimeProvider.System), name);
    }

    private static string TestDataRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "TestData", "Export"));
}
