using Kiro.Mcp.Hooks.Execution;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Hooks.Tests.Execution;

public sealed class HookHistoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kiro-hook-history-tests-").FullName;

    [Fact]
    public async Task Two_servers_on_one_workspace_keep_each_others_runs()
    {
        // Two histories over two stores: what two server processes on one repository have.
        using var first = new HookHistory(new FileStore(new WorkspaceRoot(_folder)));
        using var second = new HookHistory(new FileStore(new WorkspaceRoot(_folder)));
        Assert.Empty(await second.RecentAsync(10, CancellationToken.None));

        await first.AddAsync(Run("from-first"), CancellationToken.None);
        await second.AddAsync(Run("from-second"), CancellationToken.None);

        Assert.Equal(["from-second", "from-first"], (await first.RecentAsync(10, CancellationToken.None)).Select(r => r.Hook));
        Assert.Equal(["from-second", "from-first"], (await second.RecentAsync(10, CancellationToken.None)).Select(r => r.Hook));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder later.
        }
    }

    private static HookRun Run(string hook) =>
        new(hook, $".kiro/hooks/{hook}.kiro.hook", "fileEdited", ["a.txt"], null, null, "command", DateTimeOffset.UnixEpoch, 1, 0, "ok", "");
}
