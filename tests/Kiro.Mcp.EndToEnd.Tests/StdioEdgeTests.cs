using System.Text;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>What a hostile or broken client can send over stdio: requests out of order, lines of any size.</summary>
public class StdioEdgeTests
{
    private const int InvalidRequest = -32600;

    [Fact]
    public async Task A_tool_call_before_initialize_is_refused_and_initialize_still_works()
    {
        using var workspace = new TempWorkspace();
        await using var server = RawStdioServer.Start(workspace.Root);

        await server.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"spec_create","arguments":{"name":"early"}}}""");
        var refused = await server.AnswerAsync(1);
        Assert.Equal(InvalidRequest, (int)refused["error"]!["code"]!);
        Assert.Contains("initialize", (string)refused["error"]!["message"]!);
        Assert.False(Directory.Exists(workspace.PathOf(".kiro/specs/early")));

        await server.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"ping"}""");
        Assert.True((await server.AnswerAsync(2)).ContainsKey("result"));

        await server.InitializeAsync();
        await server.SendAsync("""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"spec_list","arguments":{}}}""");
        Assert.True((await server.AnswerAsync(3)).ContainsKey("result"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_50_MB_line_gets_an_error_and_the_next_request_is_answered(bool idFirst)
    {
        using var workspace = new TempWorkspace();
        await using var server = RawStdioServer.Start(workspace.Root);
        await server.InitializeAsync();

        // Both orders real clients use: the C# SDK writes "id" first, the TypeScript SDK last.
        await WriteHugeCallAsync(server.Input, id: 7, idFirst, megabytes: 50);
        var tooLarge = await server.AnswerAsync(7);
        Assert.Equal(InvalidRequest, (int)tooLarge["error"]!["code"]!);
        Assert.Contains("too large", (string)tooLarge["error"]!["message"]!);

        await server.SendAsync("""{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"spec_list","arguments":{}}}""");
        Assert.True((await server.AnswerAsync(8)).ContainsKey("result"));
    }

    /// <summary>A spec_write of a huge document, written in 1 MB pieces so the test itself stays small.</summary>
    private static async Task WriteHugeCallAsync(Stream input, int id, bool idFirst, int megabytes)
    {
        var head = idFirst
            ? $$"""{"jsonrpc":"2.0","id":{{id}},"method":"tools/call","params":{"name":"spec_write","arguments":{"spec":"huge","document":"requirements","content":" """
            : """{"method":"tools/call","params":{"name":"spec_write","arguments":{"spec":"huge","document":"requirements","content":" """;
        var tail = idFirst ? "\"}}}\n" : "\"}},\"jsonrpc\":\"2.0\",\"id\":" + id + "}\n";
        await input.WriteAsync(Encoding.UTF8.GetBytes(head));
        var piece = Encoding.UTF8.GetBytes(new string('a', 1024 * 1024));
        for (var i = 0; i < megabytes; i++)
        {
            await input.WriteAsync(piece);
        }
        await input.WriteAsync(Encoding.UTF8.GetBytes(tail));
        await input.FlushAsync();
    }
}
