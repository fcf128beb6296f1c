using System.Text;
using Kiro.Mcp.Server.Protocol;

namespace Kiro.Mcp.Server.Tests.Protocol;

/// <summary>Lines pass whole whatever the read sizes; a line over the limit is replaced, and its id found at either end.</summary>
public class LineLimitedStreamTests
{
    private const int Limit = 10_000;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Lines_under_the_limit_pass_unchanged_whatever_the_read_sizes(int chunk)
    {
        var input = "{\"a\":1}\n\n{\"b\":\"" + new string('x', Limit - 20) + "\"}\r\nlast without newline";

        var (output, replaced) = await ReadAllAsync(input, chunk);

        Assert.Equal(input, output);
        Assert.Empty(replaced);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(333)]
    [InlineData(65536)]
    public async Task A_line_over_the_limit_is_replaced_and_the_next_line_passes(int chunk)
    {
        var huge = "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"x\",\"params\":{\"p\":\"" + new string('y', 3 * Limit) + "\"}}";
        var input = "{\"first\":1}\n" + huge + "\n{\"next\":2}\n";

        var (output, replaced) = await ReadAllAsync(input, chunk);

        Assert.Equal("{\"first\":1}\nREPLACED\n{\"next\":2}\n", output);
        var line = Assert.Single(replaced);
        Assert.Equal(Encoding.UTF8.GetByteCount(huge), line.Length);
        Assert.Equal(42L, line.FindId()!.Value.Id);
    }

    [Fact]
    public async Task The_id_is_found_at_the_end_when_it_is_written_last()
    {
        var huge = "{\"method\":\"x\",\"params\":{\"p\":\"" + new string('y', 3 * Limit) + "\"},\"jsonrpc\":\"2.0\",\"id\":\"abc-1\"}";

        var (_, replaced) = await ReadAllAsync(huge + "\n", 4096);

        Assert.Equal("abc-1", Assert.Single(replaced).FindId()!.Value.Id);
    }

    [Fact]
    public async Task No_id_is_invented_when_neither_end_shows_one()
    {
        // "id" inside a string near the end is not the message's id.
        var huge = "{\"method\":\"x\",\"params\":{\"p\":\"" + new string('y', 3 * Limit) + "\\\"id\\\":5}\"}}";

        var (_, replaced) = await ReadAllAsync(huge + "\n", 4096);

        Assert.Null(Assert.Single(replaced).FindId());
    }

    private static async Task<(string Output, List<OversizedLine> Replaced)> ReadAllAsync(string input, int chunk)
    {
        var replaced = new List<OversizedLine>();
        await using var stream = new LineLimitedStream(new ChunkedStream(Encoding.UTF8.GetBytes(input), chunk), Limit, line =>
        {
            replaced.Add(line);
            return "REPLACED"u8.ToArray();
        });
        using var result = new MemoryStream();
        await stream.CopyToAsync(result, TestContext.Current.CancellationToken);
        return (Encoding.UTF8.GetString(result.ToArray()), replaced);
    }

    /// <summary>Gives its bytes at most <c>chunk</c> at a time, as a pipe may.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
