using Microsoft.Net.Http.Headers;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// Answers a POST whose body is not declared JSON with 415 Unsupported Media Type, as Streamable HTTP requires
/// (the SDK reads the body with ReadFromJsonAsync, which throws on any other type: a 500 without this).
/// Only under /mcp: the dashboard's forms post form data.
/// </summary>
public sealed class ContentTypeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || IsJson(context.Request.ContentType) || !context.Request.Path.StartsWithSegments(Hosting.HttpServer.Path))
        {
            return next(context);
        }
        return JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, JsonRpcErrorResponse.InvalidRequest,
            "Unsupported Media Type: POST a JSON-RPC message with 'Content-Type: application/json'.");
    }

    // application/json with or without parameters (charset=utf-8); nothing else, not even +json types, which
    // the Streamable HTTP transport does not speak.
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
