using System.Text;
using System.Text.Json;
using Kiro.Mcp.Server.Audit;

namespace Kiro.Mcp.Server.Tests.Audit;

/// <summary>The audit log's hash chain: appends link up, and an edited, removed or moved line is found at the line where the chain breaks.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kiro-mcp-audit-").FullName;

    private string LogPath => Path.Combine(_folder, "audit", "demo.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<AuditLog> LogWithAsync(int entries)
    {
        var log = new AuditLog(LogPath);
        for (var i = 0; i < entries; i++)
        {
            await log.AppendAsync(Entry($"user{i}", "spec_write"), CancellationToken.None);
        }
        return log;
    }

    private static AuditEntry Entry(string user, string tool) => new(0, "", DateTimeOffset.UnixEpoch, user, user, true, "demo", tool, "spec-a",
        new Dictionary<string, JsonElement> { ["spec"] = JsonSerializer.SerializeToElement("spec-a") }, "ok",
        new Dictionary<string, string> { ["requirements"] = "v1" }, new Dictionary<string, string> { ["requirements"] = "v2" });

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var stream = File.OpenRead(LogPath);
        return await AuditChain.VerifyAsync(stream, CancellationToken.None);
    }

    private List<string> Lines() => [.. File.ReadAllText(LogPath).Split('\n')[..^1]];

    private void Save(IEnumerable<string> lines) => File.WriteAllText(LogPath, string.Concat(lines.Select(l => l + "\n")));

    [Fact]
    public async Task Appends_number_the_entries_and_chain_each_to_the_hash_of_the_line_before()
    {
        await LogWithAsync(3);

        var lines = Lines();
        Assert.Equal(3, lines.Count);
        var entries = lines.Select(l => JsonSerializer.Deserialize<AuditEntry>(l, AuditEntry.Json)!).ToList();
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Seq));
        Assert.Equal(AuditChain.Genesis, entries[0].Prev);
        Assert.Equal(AuditChain.Hash(lines[0]), entries[1].Prev);
        Assert.Equal(AuditChain.Hash(lines[1]), entries[2].Prev);
        var verification = await VerifyAsync();
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(3, verification.Lines);
    }

    [Fact]
    public async Task An_edited_line_breaks_the_link_of_the_line_after_it()
    {
        await LogWithAsync(4);
        var lines = Lines();
        lines[1] = lines[1].Replace("user1", "mallory", StringComparison.Ordinal);
        Save(lines);

        var verification = await VerifyAsync();

        Assert.Equal(3, verification.BrokenLine);
        Assert.Contains("line 2 was edited", verification.Reason);
    }

    [Fact]
    public async Task A_removed_line_is_found_where_it_was()
    {
        await LogWithAsync(4);
        var lines = Lines();
        lines.RemoveAt(2);
        Save(lines);

        Assert.Equal(3, (await VerifyAsync()).BrokenLine);
    }

    [Fact]
    public async Task A_removed_first_line_is_found_at_line_1()
    {
        await LogWithAsync(3);
        Save(Lines().Skip(1));

        var verification = await VerifyAsync();

        Assert.Equal(1, verification.BrokenLine);
        Assert.Contains("removed", verification.Reason);
    }

    [Fact]
    public async Task Two_swapped_lines_are_found()
    {
        await LogWithAsync(4);
        var lines = Lines();
        (lines[1], lines[2]) = (lines[2], lines[1]);
        Save(lines);

        Assert.Equal(2, (await VerifyAsync()).BrokenLine);
    }

    [Fact]
    public async Task A_line_that_is_not_an_entry_is_reported()
    {
        await LogWithAsync(2);
        Save([.. Lines(), "not json"]);

        var verification = await VerifyAsync();

        Assert.Equal(3, verification.BrokenLine);
        Assert.Contains("not an audit entry", verification.Reason);
    }

    [Fact]
    public async Task An_entry_cut_off_by_a_crash_stays_a_broken_line_and_later_appends_still_chain()
    {
        var log = await LogWithAsync(2);
        File.AppendAllText(LogPath, "{\"seq\":3,\"prev\":\"");

        var appended = await log.AppendAsync(Entry("user9", "task_start"), CancellationToken.None);

        Assert.Equal(4, appended.Seq);
        Assert.Equal(4, Lines().Count);
        Assert.Equal(3, (await VerifyAsync()).BrokenLine);
    }

    [Fact]
    public async Task Appends_from_many_writers_at_once_neither_interleave_nor_fork_the_chain()
    {
        // Separate AuditLog objects on one file, as separate servers have; the file lock serializes them.
        var writers = Enumerable.Range(0, 8).Select(_ => new AuditLog(LogPath)).ToList();

        await Task.WhenAll(writers.Select((log, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await log.AppendAsync(Entry($"writer{w}", "spec_write"), CancellationToken.None);
            }
        })));

        var verification = await VerifyAsync();
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(200, verification.Lines);
    }

    [Fact]
    public async Task Reading_skips_nothing_of_an_intact_log_and_hashes_the_bytes_on_disk()
    {
        var log = await LogWithAsync(3);
        var entries = new List<AuditEntry>();
        await foreach (var entry in log.ReadAsync(CancellationToken.None))
        {
            entries.Add(entry);
        }

        Assert.Equal(["user0", "user1", "user2"], entries.Select(e => e.User));
        Assert.Equal(AuditChain.Hash(Encoding.UTF8.GetBytes(Lines()[0])), entries[1].Prev);
    }
}
