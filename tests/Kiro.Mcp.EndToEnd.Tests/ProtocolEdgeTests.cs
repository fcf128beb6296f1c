using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>Malformed requests get the status and JSON-RPC error the specifications name, never a 500 or a success.</summary>
public class ProtocolEdgeTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";

    [Fact]
    public async Task A_post_that_is_not_declared_json_gets_415_and_a_broken_body_400()
    {
        using var workspace = new TempWorkspace();
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            using var http = new HttpClient();
            foreach (var contentType in new[] { null, "text/plain", "application/x-www-form-urlencoded", "application/jsonx" })
            {
                var response = await http.SendAsync(Post(endpoint, Initialize, contentType));
                Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
                var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Equal(-32600, (int)error["error"]!["code"]!);
            }

            var broken = await http.SendAsync(Post(endpoint, """{"jsonrpc":"2.0","id":1,"method":""", "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Post(endpoint, Initialize, "application/json; charset=utf-8"))).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task Deleting_an_unknown_or_ended_session_gets_404()
    {
        using var workspace = new TempWorkspace();
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(Delete(endpoint, "no-such-session"))).StatusCode);

            var initialized = await http.SendAsync(Post(endpoint, Initialize, "application/json"));
            var session = initialized.Headers.GetValues("Mcp-Session-Id").Single();
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Delete(endpoint, session))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(Delete(endpoint, session))).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Theory]
    [InlineData(Transport.Stdio)]
    [InlineData(Transport.Http)]
    public async Task Params_given_by_position_get_invalid_params(Transport transport)
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.SendRequestAsync(
            new JsonRpcRequest { Method = RequestMethods.ToolsCall, Params = new JsonArray("spec_list", new JsonObject()) }));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
    }

    [Theory]
    [InlineData(Transport.Stdio)]
    [InlineData(Transport.Http)]
    public async Task An_argument_of_the_wrong_type_gets_invalid_params_naming_it(Transport transport)
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "typed" });

        var number = await Assert.ThrowsAsync<McpProtocolException>(() => server.CallAsync("spec_status", new { spec = 5 }));
        Assert.Equal(McpErrorCode.InvalidParams, number.ErrorCode);
        Assert.Contains("'spec'", number.Message);

        var text = await Assert.ThrowsAsync<McpProtocolException>(() => server.CallAsync("spec_list", new { limit = "ten" }));
        Assert.Equal(McpErrorCode.InvalidParams, text.ErrorCode);
        Assert.Contains("'limit'", text.Message);

        // The same call with the right types still works.
        await server.CallOkAsync("spec_status", new { spec = "typed" });
    }

    private static HttpRequestMessage Post(Uri endpoint, string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }

    private static HttpRequestMessage Delete(Uri endpoint, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, endpoint);
        request.Headers.Add("Mcp-Session-Id", session);
        return request;
    }
}
