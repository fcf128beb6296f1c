namespace Kiro.Mcp.Workspace.Tests;

public class FileStampTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    [Fact]
    public void Only_a_file_unchanged_for_longer_than_the_margin_is_quiet()
    {
        var now = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        FileStamp Changed(TimeSpan ago, TimeSpan modifiedAgo) => new(1, 2, 3, (now - ago).Ticks, (now - modifiedAgo).Ticks);

        Assert.True(Changed(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)).QuietBefore(now, Margin));
        // Changed in the last second: a write in the same clock tick could keep the stamp.
        Assert.False(Changed(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5)).QuietBefore(now, Margin));
        Assert.False(Changed(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500)).QuietBefore(now, Margin));
        // A change time ahead of the clock (a clock stepped back) is never quiet.
        Assert.False(Changed(TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(-5)).QuietBefore(now, Margin));
    }

    [Fact]
    public void A_stamp_names_the_file_and_changes_when_it_is_written()
    {
        using var workspace = new TempWorkspace();
        File.WriteAllText(workspace.Full("a.md"), "one\n");
        File.WriteAllText(workspace.Full("b.md"), "one\n");

        var a = Stamp("a.md");
        var b = Stamp("b.md");
        File.AppendAllText(workspace.Full("a.md"), "two\n");
        var written = Stamp("a.md");

        Assert.NotEqual(a, b);
        Assert.NotEqual(a, written);
        Assert.Equal(written, Stamp("a.md"));

        FileStamp? Stamp(string name)
        {
            using var handle = File.OpenHandle(workspace.Full(name));
            return FileStamp.Of(handle);
        }
    }
}
