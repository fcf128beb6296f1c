using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The audit log through the real server: writes by two users over HTTP are logged with who, what and the
/// versions they changed, outside the repository; audit_list filters and pages them; <c>kiro-mcp audit verify</c>
/// passes on the log and names the line after one that was edited.
/// </summary>
public class AuditLogTests
{
    private const string AliceSecret = "Zq3vT8pL1xR6cN0bW4yH7kM2sD9fJ5aG";
    private const string BobSecret = "Hk2mW9qT4vB7nX1cR5zL8pF3sJ6dY0aE";

    [Fact]
    public async Task Writes_are_logged_with_who_and_versions_filtered_by_audit_list_and_an_edited_line_is_found()
    {
        using var workspace = new TempWorkspace();
        await using var alice = await ServerConnection.StartHttpAsync(workspace.Root, ["--token", "alice=" + AliceSecret, "--token", "bob=" + BobSecret],
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + AliceSecret });
        await using var bob = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = alice.Endpoint!,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + BobSecret },
        }), ServerConnection.DesktopClient("bob-client"));

        var created = await alice.CallOkAsync("spec_create", new { name = "workout-logging", description = "Log workouts." });
        var written = await alice.CallOkAsync("spec_write", new
        {
            spec = "workout-logging", document = "requirements", content = WorkoutSpec.Requirements,
            expectedVersion = created.GetProperty("version").GetString(),
        });
        await alice.CallOkAsync("spec_read", new { spec = "workout-logging", document = "requirements" });
        await alice.CallErrorAsync("spec_write", new { spec = "workout-logging", document = "requirements", content = "# stale", expectedVersion = "stale" }, "version_conflict");
        var bobs = await bob.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "other-feature" });
        Assert.False(bobs.IsError == true, ServerConnection.Text(bobs));

        // Alice's entries, newest first: the refused write, the write, the creation; the read is not logged.
        var mine = (await alice.CallOkAsync("audit_list", new { user = "alice" })).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["spec_write", "spec_write", "spec_create"], mine.Select(e => e.GetProperty("tool").GetString()));
        Assert.Equal("version_conflict", mine[0].GetProperty("result").GetString());
        var write = mine[1];
        Assert.Equal("ok", write.GetProperty("result").GetString());
        Assert.True(write.GetProperty("verified").GetBoolean());
        Assert.Equal("workspace", write.GetProperty("workspace").GetString());
        Assert.Equal("workout-logging", write.GetProperty("spec").GetString());
        Assert.Equal(created.GetProperty("version").GetString(), write.GetProperty("before").GetProperty("requirements").GetString());
        Assert.Equal(written.GetProperty("version").GetString(), write.GetProperty("after").GetProperty("requirements").GetString());
        // The document is logged as its length and hash, never as text.
        Assert.Equal(WorkoutSpec.Requirements.Length, write.GetProperty("args").GetProperty("content").GetProperty("length").GetInt32());
        Assert.DoesNotContain("Requirements Document", write.GetRawText());
        Assert.False(mine[2].TryGetProperty("before", out var none) && none.ValueKind != JsonValueKind.Null, "a spec that did not exist has no versions before");

        var other = (await alice.CallOkAsync("audit_list", new { spec = "other-feature" })).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("bob", Assert.Single(other).GetProperty("user").GetString());
        var future = await alice.CallOkAsync("audit_list", new { from = DateTimeOffset.UtcNow.AddHours(1).ToString("O") });
        Assert.Empty(future.GetProperty("entries").EnumerateArray());
        var first = await alice.CallOkAsync("audit_list", new { limit = 3 });
        var second = await alice.CallOkAsync("audit_list", new { limit = 3, cursor = first.GetProperty("nextCursor").GetString() });
        Assert.Equal(["spec_create"], second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("tool").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        // The log lives beside the test's stand-in for ~/.kiro, not in the repository.
        var log = Path.Combine(ServerConnection.UserKiroDirectory(workspace.Root), "kiro-mcp", "data", "audit", "workspace.jsonl");
        Assert.Equal(4, File.ReadAllLines(log).Length);
        Assert.DoesNotContain(Directory.EnumerateFiles(workspace.Root, "*.jsonl", SearchOption.AllDirectories), _ => true);

        var (intactCode, intact) = await ServerConnection.RunCommandAsync(workspace.Root, "audit", "verify", log);
        Assert.True(intactCode == 0, intact);
        Assert.Contains("intact, 4 entries", intact);

        var lines = File.ReadAllLines(log);
        lines[1] = lines[1].Replace("\"alice\"", "\"bob\"", StringComparison.Ordinal);
        File.WriteAllLines(log, lines);
        var (brokenCode, broken) = await ServerConnection.RunCommandAsync(workspace.Root, "audit", "verify", log);
        Assert.True(brokenCode == 1, broken);
        Assert.Contains("broken at line 3", broken);
        Assert.Contains("line 2 was edited", broken);

        var (missingCode, missing) = await ServerConnection.RunCommandAsync(workspace.Root, "audit", "verify", log + ".missing");
        Assert.True(missingCode == 2, missing);
    }

    [Fact]
    public async Task Two_server_processes_appending_to_one_log_at_once_keep_one_unbroken_chain()
    {
        using var workspace = new TempWorkspace();
        // Two servers on one repository share its user folder, and so one data folder and one log.
        await using var first = await ServerConnection.StartHttpAsync(workspace.Root, []);
        await using var second = await ServerConnection.StartHttpAsync(workspace.Root, []);
        await first.CallOkAsync("spec_create", new { name = "shared", quick = true });
        const int perClient = 30;

        await Task.WhenAll(new[] { first, second }.SelectMany(server => Enumerable.Range(0, 2).Select(async client =>
        {
            for (var i = 0; i < perClient; i++)
            {
                // Refused or not, every call is an entry: the lock on the log, not on tasks.md, is under test.
                await server.CallAsync("spec_write", new { spec = "shared", document = "design", content = $"# Design\n\nrevision {client}-{i}\n" });
            }
        })));

        var log = Path.Combine(ServerConnection.UserKiroDirectory(workspace.Root), "kiro-mcp", "data", "audit", "workspace.jsonl");
        var (code, output) = await ServerConnection.RunCommandAsync(workspace.Root, "audit", "verify", log);
        Assert.True(code == 0, output);
        Assert.Contains($"intact, {1 + (4 * perClient)} entries", output);
    }
}
