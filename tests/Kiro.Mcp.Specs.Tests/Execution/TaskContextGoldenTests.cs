using System.Runtime.CompilerServices;
using System.Text;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Execution;

// Each spec under TestData/Context/<name>/ has a golden context.txt: for every task, the design
// sections its context carries (titles only, in order). After a deliberate change, run with
// UPDATE_GOLDEN=1 and review the diff: it shows exactly what each task gains or loses.
public sealed class TaskContextGoldenTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-context-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Specs() => new(Directory.GetDirectories(TestDataRoot()).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Each_task_gets_the_design_sections_that_define_what_it_builds(string name)
    {
        var source = Path.Combine(TestDataRoot(), name);
        var folder = Path.Combine(_root, ".kiro", "specs", name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(source, "*.md"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        var store = new FileStore(new WorkspaceRoot(_root));
        var specs = new SpecService(store, new SpecIndex(), TimeProvider.System);
        var snapshot = await specs.LoadAsync(name, CancellationToken.None);

        var actual = new StringBuilder();
        foreach (var task in snapshot.Documents.Tasks!.Tasks)
        {
            var sections = TaskContextBuilder.DesignSectionsFor(snapshot, task).Select(s => s.Title);
            actual.Append(task.Id).Append(' ').Append(task.Title).Append('\n');
            foreach (var title in sections)
            {
                actual.Append("  ").Append(title).Append('\n');
            }
        }

        var golden = Path.Combine(source, "context.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual.ToString());
        }
        Assert.True(File.Exists(golden), $"{golden} is missing: run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual.ToString());
    }

    [Fact]
    public void A_task_naming_a_function_gets_the_component_that_defines_it_but_not_the_unrelated_ones()
    {
        var terms = CodeTerms.Of("Write `addTodo` and `completeTodo` in src/store.js");

        Assert.Contains("addTodo", terms);
        Assert.Contains("src/store.js", terms);
        Assert.Contains("store.js", terms);
        Assert.True(CodeTerms.Mentions("- `addTodo(todos, text)` returns", "addTodo"));
        Assert.False(CodeTerms.Mentions("addTodos is another function", "addTodo"));
    }

    private static string TestDataRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "TestData", "Context"));
}
