using System.Text.Json;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// A JSON-RPC error as the whole HTTP response, for requests refused before the SDK reads them: the same
/// shape the SDK's own transport errors have, so a client reports it the same way.
/// </summary>
public static class JsonRpcErrorResponse
{
    /// <summary>JSON-RPC "Invalid Request".</summary>
    public const int InvalidRequest = -32600;

    /// <summary>What the SDK (and the TypeScript SDK) answer for an unknown session; not a standard JSON-RPC code.</summary>
    public const int SessionNotFound = -32001;

    public static async Task WriteAsync(HttpContext context, int statusCode, int errorCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("jsonrpc", "2.0");
        // The request was not read, so there is no id to echo: JSON-RPC says null.
        json.WriteNull("id");
        json.WriteStartObject("error");
        json.WriteNumber("code", errorCode);
        json.WriteString("message", message);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
