using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>No lost update: writers that read the same version cannot both win.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task Two_clients_writing_with_the_same_expected_version_exactly_one_wins()
    {
        using var workspace = new TempWorkspace();
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            await using var first = await ServerConnection.ConnectHttpAsync(endpoint, "first");
            await using var second = await ServerConnection.ConnectHttpAsync(endpoint, "second");
            await first.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "race" });

            for (var round = 0; round < 10; round++)
            {
                var read = await first.CallToolAsync("spec_read", new Dictionary<string, object?> { ["spec"] = "race", ["document"] = "requirements" });
                var version = read.StructuredContent!.Value.GetProperty("version").GetString();
                var writes = new[] { first, second }.Select((client, i) => client.CallToolAsync("spec_write", new Dictionary<string, object?>
                {
                    ["spec"] = "race", ["document"] = "requirements", ["content"] = $"# Requirements Document\n\nround {round} writer {i}\n", ["expectedVersion"] = version,
                }).AsTask()).ToList();
                var results = await Task.WhenAll(writes);

                Assert.Single(results, r => r.IsError != true);
                var loser = Assert.Single(results, r => r.IsError == true);
                Assert.StartsWith("[version_conflict]", ServerConnection.Text(loser));
                var winner = Array.FindIndex(results, r => r.IsError != true);
                Assert.Equal($"# Requirements Document\n\nround {round} writer {winner}\n", workspace.Read(".kiro/specs/race/requirements.md"));
            }
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }
}
