using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;
using Kiro.Mcp.Steering.Generation.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>The server's side of the separate analysis program: the pipe, a missing or failing program, time and cancellation.</summary>
public class AnalysisProcessReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static AnalysisProcessReader Reader(string program, TimeSpan? timeout = null) =>
        new(new AnalysisProgramLocator("0.1.0", Path.GetTempPath(), null, null) { ExplicitPath = program }, timeout ?? TimeSpan.FromMinutes(5));

    private static DotNetCodeRequest Request(SampleRepository repo, bool evaluate, IProgress<string>? progress = null) =>
        new(repo.Root, ["Shop.sln"], ["src/Shop.Api/Shop.Api.csproj", "src/Shop.Domain/Shop.Domain.csproj", "tests/Shop.Domain.Tests/Shop.Domain.Tests.csproj"], evaluate, progress);

    [Fact]
    public async Task A_solution_is_read_through_the_separate_program_with_its_progress()
    {
        using var repo = Samples.DotNetSolution();
        var progress = new List<string>();

        var result = await Reader(AnalysisProgram.Path).ReadAsync(Request(repo, evaluate: true, new SyncProgress(progress)), Token);

        Assert.Equal(3, result.Projects.Count);
        Assert.All(result.Projects, p => Assert.True(p.FromMsBuild, p.Path));
        var domain = result.Projects.Single(p => p.Path == "src/Shop.Domain/Shop.Domain.csproj");
        Assert.Contains(domain.Code.Namespaces, n => n.Name == "Shop.Domain.Catalog");
        Assert.Contains(progress, p => p.Contains("MSBuild", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_untrusted_workspace_is_parsed_by_the_program_without_MSBuild()
    {
        using var repo = Samples.DotNetSolution();

        var result = await Reader(AnalysisProgram.Path).ReadAsync(Request(repo, evaluate: false), Token);

        Assert.All(result.Projects, p => Assert.False(p.FromMsBuild, p.Path));
        Assert.Contains(result.Projects.Single(p => p.Path == "src/Shop.Domain/Shop.Domain.csproj").Code.Namespaces, n => n.Name == "Shop.Domain.Catalog");
        Assert.False(Directory.Exists(repo.PathOf("src/Shop.Domain/obj")));
    }

    [Fact]
    public async Task Without_the_program_generation_falls_back_to_the_project_files_and_says_so()
    {
        using var repo = Samples.DotNetSolution();
        var missing = Path.Combine(repo.Root, "..", "no-such-folder", "Kiro.Mcp.Analysis.dll");
        using var generator = new SteeringGenerator(new FileStore(new WorkspaceRoot(repo.Root)), () => Reader(missing), repo.Trust());

        var result = await generator.GenerateAsync(null, false, false, null, Token);

        Assert.Equal("project_files", result.DotNetAnalysis);
        Assert.Contains(result.Notes, n => n.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("project files' XML only", StringComparison.Ordinal));
        Assert.Contains("| Shop.Api |", repo.Read(SteeringDocuments.PathOf("tech")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_that_dies_before_answering_becomes_a_note()
    {
        using var repo = Samples.DotNetSolution();
        var broken = repo.PathOf("broken/Kiro.Mcp.Analysis.dll");
        repo.Write("broken/Kiro.Mcp.Analysis.dll", "not an assembly");

        var result = await Reader(broken).ReadAsync(Request(repo, evaluate: false), Token);

        Assert.Empty(result.Projects);
        Assert.Contains(result.Notes, n => n.Contains("exited with code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_program_over_its_time_is_stopped_and_noted()
    {
        using var repo = Samples.DotNetSolution();

        var result = await Reader(AnalysisProgram.Path, TimeSpan.FromMilliseconds(1)).ReadAsync(Request(repo, evaluate: true), Token);

        Assert.Empty(result.Projects);
        Assert.Contains(result.Notes, n => n.Contains("was stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancellation_stops_the_program_and_is_not_swallowed()
    {
        using var repo = Samples.DotNetSolution();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        // Cancel at the first progress line: the program is running MSBuild by then.
        var progress = new SyncProgress([], cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Reader(AnalysisProgram.Path).ReadAsync(Request(repo, evaluate: true, progress), cancel.Token));
    }

    /// <summary>
    /// A cancelled program is told through the end of its stdin and exits by itself, rather than being killed: a killed
    /// .NET process leaves its diagnostics pipes in the temp folder, one set per cancelled call, on the user's machine.
    /// </summary>
    [Fact]
    public async Task A_cancelled_program_exits_by_itself_and_leaves_nothing_in_the_temp_folder()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "finds the program's process in /proc");
        using var repo = Samples.DotNetSolution();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var programs = new HashSet<int>();
        var progress = new SyncProgress([], () =>
        {
            // While it reports, the program runs: this process's analysis children, other tests' ones too.
            programs.UnionWith(AnalysisChildren());
            cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Reader(AnalysisProgram.Path).ReadAsync(Request(repo, evaluate: true, progress), cancel.Token));

        Assert.NotEmpty(programs);
        // Another test's program may still be running (its pipes are in use); one that has ended must have removed them.
        var ended = programs.Where(pid => ProcFs.Ends(pid, TimeSpan.FromSeconds(5))).ToList();
        Assert.NotEmpty(ended);
        Assert.All(ended, pid => Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{pid}-*")));
    }

    private static List<int> AnalysisChildren() =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcFs.Stat(pid)?.Parent == Environment.ProcessId && IsAnalysisProgram(pid))];

    private static bool IsAnalysisProgram(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("Kiro.Mcp.Analysis", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // ended meanwhile
        }
    }

    private sealed class SyncProgress(List<string> messages, Action? onReport = null) : IProgress<string>
    {
        public void Report(string value)
        {
            messages.Add(value);
            onReport?.Invoke();
        }
    }
}
