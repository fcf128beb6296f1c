using System.Net.Http.Headers;
using System.Text;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>Hand-made HTTP requests for tests that look at status codes and headers rather than at MCP results.</summary>
public static class RawHttp
{
    /// <summary>An <c>initialize</c> POST as a client sends it, with <c>Authorization: Bearer</c> when <paramref name="bearer"/> is given.</summary>
    public static HttpRequestMessage Initialize(Uri endpoint, string? bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return request;
    }
}
