using System.Text;

namespace Kiro.Mcp.Workspace.Tests;

/// <summary>An append-only log: each read parses only what was added; damage and other writers lose no line.</summary>
public sealed class AppendLogTests
{
    private const string Path = "logs/runs.jsonl";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_read_hands_out_only_the_lines_added_since_the_last()
    {
        using var workspace = new TempWorkspace();
        var log = workspace.Store.Log(Path);

        Assert.Equal("a\n", await AppendAsync(log, "a\n"));
        Assert.Equal("", await ReadAsync(log));
        File.AppendAllText(workspace.Full(Path), "b\nc\n");

        Assert.Equal("b\nc\n", await ReadAsync(log));
        Assert.Equal("", await ReadAsync(log));
    }

    [Fact]
    public async Task A_partial_last_line_waits_and_an_append_after_it_starts_on_a_new_line()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(Path, "one\ntw");
        var log = workspace.Store.Log(Path);

        Assert.Equal("one\n", await ReadAsync(log));
        Assert.Equal("tw\nthree\n", await AppendAsync(log, "three\n"));

        Assert.Equal("one\ntw\nthree\n", File.ReadAllText(workspace.Full(Path)));
    }

    [Fact]
    public async Task A_log_rewritten_outside_is_handed_out_whole_as_a_reset()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(Path, "one\ntwo\n");
        var log = workspace.Store.Log(Path);
        await ReadAsync(log);

        File.WriteAllText(workspace.Full(Path), "uno\ndos\ntres\n");
        var lines = await log.ReadAsync(l => (l.Reset, Encoding.UTF8.GetString(l.Lines.Span)), Ct);

        Assert.Equal((true, "uno\ndos\ntres\n"), lines);
        File.Delete(workspace.Full(Path));
        Assert.Equal((true, ""), await log.ReadAsync(l => (l.Reset, Encoding.UTF8.GetString(l.Lines.Span)), Ct));
    }

    [Fact]
    public async Task Two_stores_appending_at_once_lose_no_line()
    {
        using var workspace = new TempWorkspace();
        var other = new FileStore(new WorkspaceRoot(workspace.Folder));
        var logs = new[] { workspace.Store.Log(Path), other.Log(Path) };

        await Task.WhenAll(logs.Select((log, n) => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await AppendAsync(log, $"{n}-{i}\n");
            }
        }, Ct)));

        var lines = File.ReadAllLines(workspace.Full(Path));
        Assert.Equal(200, lines.Length);
        Assert.Equal(200, lines.Distinct().Count());
        Assert.All(lines, l => Assert.Matches("^[01]-[0-9]+$", l));
    }

    [Fact]
    public async Task A_quiet_log_is_not_read_again_and_a_line_added_after_is_seen()
    {
        using var workspace = new TempWorkspace();
        var store = new FileStore(workspace.Root) { QuietMargin = TimeSpan.Zero };
        workspace.Write(Path, "one\n");
        var log = store.Log(Path);
        Assert.Equal("one\n", await ReadAsync(log));
        var reads = log.ContentReads;

        Assert.Equal("", await ReadAsync(log));
        Assert.Equal(reads, log.ContentReads);

        File.AppendAllText(workspace.Full(Path), "two\n");
        Assert.Equal("two\n", await ReadAsync(log));
    }

    [Fact]
    public async Task A_quiet_log_is_not_even_opened_again_and_a_rewrite_of_the_same_length_is_seen()
    {
        using var workspace = new TempWorkspace();
        var store = new FileStore(workspace.Root) { QuietMargin = TimeSpan.Zero };
        workspace.Write(Path, "one\n");
        var log = store.Log(Path);
        Assert.Equal("one\n", await ReadAsync(log));
        var opens = log.Opens;

        Assert.Equal("", await ReadAsync(log));
        Assert.Equal(opens, log.Opens);

        // Another process rewrites it in place with as many bytes: the stamp (ctime, mtime) differs, so it is read.
        await Task.Delay(20, Ct);
        File.WriteAllText(workspace.Full(Path), "uno\n");
        var lines = await log.ReadAsync(l => (l.Reset, Encoding.UTF8.GetString(l.Lines.Span)), Ct);
        Assert.Equal((true, "uno\n"), lines);
    }

    [Fact]
    public async Task A_missing_log_is_not_looked_for_the_confined_way_again_until_it_appears()
    {
        using var workspace = new TempWorkspace();
        var log = workspace.Store.Log(Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(workspace.Full(Path))!);
        Assert.Equal("", await ReadAsync(log));
        var opens = log.Opens;

        Assert.Equal("", await ReadAsync(log));
        Assert.Equal(opens, log.Opens);

        File.WriteAllText(workspace.Full(Path), "a\n");
        Assert.Equal("a\n", await ReadAsync(log));
    }

    private static Task<string> ReadAsync(AppendLog log) => log.ReadAsync(l => Encoding.UTF8.GetString(l.Lines.Span), Ct);

    private static Task<string> AppendAsync(AppendLog log, string line) =>
        log.AppendAsync(_ => Encoding.UTF8.GetBytes(line), l => Encoding.UTF8.GetString(l.Lines.Span), Ct);
}
