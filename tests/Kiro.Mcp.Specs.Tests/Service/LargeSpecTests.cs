using System.Text;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Service;

/// <summary>A spec of 500 requirements and 2,000 tasks works, and every answer stays within the response budget.</summary>
public sealed class LargeSpecTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-large-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Two_thousand_tasks_page_advance_and_validate_within_the_budget()
    {
        Write(".kiro/specs/big/.config.kiro", """{"specId": "1", "workflowType": "requirements-first", "specType": "feature"}""");
        Write(".kiro/specs/big/.workflow.json", """{"quick": true, "approvals": {}}""");
        var requirements = new StringBuilder("# Requirements Document\n\n## Requirements\n\n");
        for (var r = 1; r <= 500; r++)
        {
            requirements.Append(CultureInfo($"### Requirement {r}: Capability {r}\n\n**User Story:** As a user, I want capability {r}, so that it works.\n\n#### Acceptance Criteria\n\n1. WHEN event {r} happens, THE System SHALL respond within 200 ms\n2. IF input {r} is invalid, THEN THE System SHALL reject it\n\n"));
        }
        Write(".kiro/specs/big/requirements.md", requirements.ToString());
        var tasks = new StringBuilder("# Implementation Plan\n\n");
        for (var g = 1; g <= 400; g++)
        {
            tasks.Append(CultureInfo($"- [ ] {g}. Group {g}\n"));
            for (var k = 1; k <= 4; k++)
            {
                var criterion = (((g - 1) * 4) + k - 1) % 1000;
                tasks.Append(CultureInfo($"  - [ ] {g}.{k} Task {g}.{k}\n    - _Requirements: {(criterion / 2) + 1}.{(criterion % 2) + 1}_\n"));
            }
        }
        Write(".kiro/specs/big/tasks.md", tasks.ToString());
        var store = new FileStore(new WorkspaceRoot(_root));
        var index = new SpecIndex();
        var specs = new SpecService(store, index, TimeProvider.System);
        var board = new TaskService(specs, index, store, new GitHistory(new WorkspaceRoot(_root)), new CommandRunner(new WorkspaceRoot(_root)), new WorkspaceTrust(store.Root, new TrustList(new UserKiroFolder(null)), trustedForThisProcess: true), new NoSteering(), TimeProvider.System);
        var token = TestContext.Current.CancellationToken;

        var seen = 0;
        string? cursor = null;
        do
        {
            var page = await board.ListAsync("big", null, cursor, 200, token);
            Assert.Equal(2000, page.Total);
            seen += page.Tasks.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(2000, seen);

        var first = await board.NextAsync("big", token);
        Assert.Equal("1.1", first.Task!.Id);
        Assert.Equal(TaskService.MaxParallel, first.Parallel.Count);
        Assert.True(first.ParallelTotal > 1000);
        await board.SetStatusAsync("big", "1.1", "done", token);
        Assert.Equal("1.2", (await board.NextAsync("big", token)).Task!.Id);

        var status = await specs.StatusAsync("big", token);
        Assert.Equal((2000, 1), (status.Tasks.Total, status.Tasks.Done));
        var validation = await specs.ValidateAsync("big", token);
        Assert.Equal(1000, validation.Coverage.Total);
        Assert.True(validation.Findings.Count <= SpecService.MaxFindings);
        var read = await specs.ReadAsync("big", "tasks", null, token);
        Assert.True(read.Text.Length <= SpecService.MaxTextLength);
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
