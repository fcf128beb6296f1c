namespace Kiro.Mcp.Server.Http;

/// <summary>
/// DELETE of a session that does not exist answers 404, as Streamable HTTP says for every request naming an
/// unknown session; the SDK answers 200, so a client cannot tell its session was already gone. Only stateful
/// servers use it; a DELETE without a session id is left to the SDK.
/// </summary>
public sealed class SessionDeleteMiddleware(RequestDelegate next, SessionRegistry sessions)
{
    private const string SessionHeader = "Mcp-Session-Id";

    public Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsDelete(context.Request.Method))
        {
            return next(context);
        }
        var id = context.Request.Headers[SessionHeader].ToString();
        return id.Length == 0 || sessions.IsLive(id)
            ? next(context)
            : JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status404NotFound, JsonRpcErrorResponse.SessionNotFound, "Session not found");
    }
}
