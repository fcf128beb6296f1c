using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Protocol;

/// <summary>
/// Makes a request whose <c>params</c> do not fit its method JSON-RPC -32602 Invalid params, as the
/// specification says, instead of the SDK's -32603 Internal error: <c>params</c> given by position (an
/// array) or a value, and <c>params</c> members of the wrong JSON type (the SDK's deserialisation fails).
/// </summary>
public static class InvalidParamsFilter
{
    public static McpMessageHandler Incoming(McpMessageHandler next) =>
        async (context, cancellationToken) =>
        {
            if (context.JsonRpcMessage is not JsonRpcRequest request)
            {
                await next(context, cancellationToken);
                return;
            }
            if (request.Params is not null and not JsonObject)
            {
                throw new McpProtocolException(
                    $"Invalid params for '{request.Method}': params must be an object of named members, not {Describe(request.Params)}.", McpErrorCode.InvalidParams);
            }
            try
            {
                await next(context, cancellationToken);
            }
            catch (JsonException e)
            {
                // Tool code's own exceptions never get here (the SDK turns them into tool errors first); what does
                // is the SDK failing to read params into the method's parameter type. The path names the member.
                throw new McpProtocolException(
                    $"Invalid params for '{request.Method}': {(e.Path is { } path ? $"the member '{path.TrimStart('$', '.')}' has the wrong type" : "they do not match the method")}.",
                    McpErrorCode.InvalidParams);
            }
        };

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Array => "an array (by position)",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a " + node.GetValueKind().ToString().ToLowerInvariant(),
    };
}
