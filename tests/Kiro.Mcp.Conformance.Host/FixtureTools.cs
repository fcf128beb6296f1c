using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Conformance.Host;

/// <summary>
/// The tools the conformance suite calls (tools-call-*, elicitation-sep1034/1330), returning what each
/// scenario's description asks for. Sampling and client logging are deprecated in the 2026-07-28 spec
/// (MCP9005) but still part of the 2025-11-25 suite, so they are exercised here.
/// </summary>
[McpServerToolType]
public sealed class FixtureTools
{
    [McpServerTool(Name = "test_simple_text"), Description("Returns one text block.")]
    public static string SimpleText() => "This is a simple text response for testing.";

    [McpServerTool(Name = "test_image_content"), Description("Returns one image block (a 1x1 PNG).")]
    public static ImageContentBlock ImageContent() => ImageContentBlock.FromBytes(FixtureData.Png, "image/png");

    [McpServerTool(Name = "test_audio_content"), Description("Returns one audio block (a tiny WAV).")]
    public static AudioContentBlock AudioContent() => AudioContentBlock.FromBytes(FixtureData.Wav, "audio/wav");

    [McpServerTool(Name = "test_embedded_resource"), Description("Returns one embedded text resource.")]
    public static EmbeddedResourceBlock EmbeddedResource() => new()
    {
        Resource = new TextResourceContents { Uri = "test://embedded-resource", MimeType = "text/plain", Text = "This is an embedded resource content." },
    };

    [McpServerTool(Name = "test_multiple_content_types"), Description("Returns text, an image and an embedded resource.")]
    public static IEnumerable<ContentBlock> MultipleContentTypes() =>
    [
        new TextContentBlock { Text = "Multiple content types test:" },
        ImageContentBlock.FromBytes(FixtureData.Png, "image/png"),
        new EmbeddedResourceBlock
        {
            Resource = new TextResourceContents { Uri = "test://mixed-content-resource", MimeType = "application/json", Text = """{"test":"data","value":123}""" },
        },
    ];

    [McpServerTool(Name = "test_tool_with_logging"), Description("Sends three info log notifications while it runs.")]
    public static async Task<string> ToolWithLoggingAsync(McpServer server, CancellationToken cancellationToken)
    {
#pragma warning disable MCP9005 // client logging: deprecated in 2026-07-28, tested by the 2025-11-25 suite
        var logger = server.AsClientLoggerProvider().CreateLogger("conformance-fixtures");
#pragma warning restore MCP9005
        logger.LogInformation("Tool execution started");
        await Task.Delay(50, cancellationToken);
        logger.LogInformation("Tool processing data");
        await Task.Delay(50, cancellationToken);
        logger.LogInformation("Tool execution completed");
        return "Tool with logging executed successfully";
    }

    [McpServerTool(Name = "test_reconnection"), Description("Closes its SSE stream mid-call (polling) and answers on the client's reconnection with Last-Event-ID.")]
    public static async Task<string> ReconnectionAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        // server-sse-polling (SEP-1699): the server ends the POST stream with a retry hint; the result
        // must reach the client through the event store when it reconnects.
        await context.EnablePollingAsync(TimeSpan.FromMilliseconds(500), cancellationToken);
        await Task.Delay(200, cancellationToken);
        return "Reconnection test completed";
    }

    [McpServerTool(Name = "test_tool_with_progress"), Description("Reports progress 0, 50 and 100 of 100 when the request has a progress token.")]
    public static async Task<string> ToolWithProgressAsync(McpServer server, RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        var token = context.Params?.ProgressToken;
        foreach (var progress in new[] { 0, 50, 100 })
        {
            if (token is { } t)
            {
                await server.NotifyProgressAsync(t, new ProgressNotificationValue { Progress = progress, Total = 100 }, cancellationToken: cancellationToken);
            }
            if (progress < 100)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
        return "Tool with progress executed successfully";
    }

    [McpServerTool(Name = "test_error_handling"), Description("Always fails with a tool error.")]
    public static CallToolResult ErrorHandling() => Error("This tool intentionally returns an error for testing");

    [McpServerTool(Name = "test_sampling"), Description("Asks the client's model to complete a prompt (sampling/createMessage).")]
    public static async Task<CallToolResult> SamplingAsync(McpServer server, [Description("The prompt to send to the model.")] string prompt, CancellationToken cancellationToken)
    {
#pragma warning disable MCP9005 // sampling: deprecated in 2026-07-28, tested by the 2025-11-25 suite
        if (server.ClientCapabilities?.Sampling is null)
        {
            return Error("The client does not support sampling.");
        }
        var result = await server.SampleAsync(new CreateMessageRequestParams
        {
            Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
            MaxTokens = 100,
        }, cancellationToken);
#pragma warning restore MCP9005
        return Text($"LLM response: {string.Join("", result.Content.OfType<TextContentBlock>().Select(t => t.Text))}");
    }

    [McpServerTool(Name = "test_elicitation"), Description("Asks the user for a username and an email (elicitation/create).")]
    public static Task<CallToolResult> ElicitationAsync(McpServer server, [Description("The message to show the user.")] string message, CancellationToken cancellationToken) =>
        ElicitAsync(server, message, new()
        {
            ["username"] = new ElicitRequestParams.StringSchema { Description = "User's response" },
            ["email"] = new ElicitRequestParams.StringSchema { Description = "User's email address" },
        }, ["username", "email"], cancellationToken);

    [McpServerTool(Name = "test_elicitation_sep1034_defaults"), Description("Asks the user for values of every primitive type, each with a default (SEP-1034).")]
    public static Task<CallToolResult> ElicitationDefaultsAsync(McpServer server, CancellationToken cancellationToken) =>
        ElicitAsync(server, "Test elicitation with default values for primitive types", new()
        {
            ["name"] = new ElicitRequestParams.StringSchema { Description = "Name", Default = "John Doe" },
            ["age"] = new ElicitRequestParams.NumberSchema { Type = "integer", Description = "Age", Default = 30 },
            ["score"] = new ElicitRequestParams.NumberSchema { Description = "Score", Default = 95.5 },
            ["status"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema { Description = "Status", Enum = ["active", "inactive", "pending"], Default = "active" },
            ["verified"] = new ElicitRequestParams.BooleanSchema { Description = "Verified", Default = true },
        }, [], cancellationToken);

    [McpServerTool(Name = "test_elicitation_sep1330_enums"), Description("Asks the user to choose from each of the five enum schema variants (SEP-1330).")]
    public static Task<CallToolResult> ElicitationEnumsAsync(McpServer server, CancellationToken cancellationToken) =>
        ElicitAsync(server, "Test elicitation with enum schema variants", new()
        {
            ["untitledSingle"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema { Enum = ["option1", "option2", "option3"] },
            ["titledSingle"] = new ElicitRequestParams.TitledSingleSelectEnumSchema
            {
                OneOf = [Option("value1", "First Option"), Option("value2", "Second Option"), Option("value3", "Third Option")],
            },
#pragma warning disable MCP9001 // the legacy enumNames form is deprecated, and still one of the five variants the scenario checks
            ["legacyEnum"] = new ElicitRequestParams.LegacyTitledEnumSchema { Enum = ["opt1", "opt2", "opt3"], EnumNames = ["Option One", "Option Two", "Option Three"] },
#pragma warning restore MCP9001
            ["untitledMulti"] = new ElicitRequestParams.UntitledMultiSelectEnumSchema
            {
                Items = new ElicitRequestParams.UntitledEnumItemsSchema { Type = "string", Enum = ["option1", "option2", "option3"] },
            },
            ["titledMulti"] = new ElicitRequestParams.TitledMultiSelectEnumSchema
            {
                Items = new ElicitRequestParams.TitledEnumItemsSchema { AnyOf = [Option("value1", "First Choice"), Option("value2", "Second Choice"), Option("value3", "Third Choice")] },
            },
        }, [], cancellationToken);

    private static async Task<CallToolResult> ElicitAsync(
        McpServer server, string message, Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> properties, IList<string> required, CancellationToken cancellationToken)
    {
        if (server.ClientCapabilities?.Elicitation is null)
        {
            return Error("The client does not support elicitation.");
        }
        var result = await server.ElicitAsync(new ElicitRequestParams
        {
            Message = message,
            RequestedSchema = new ElicitRequestParams.RequestSchema { Properties = properties, Required = required.Count > 0 ? required : null },
        }, cancellationToken);
        return Text($"Elicitation completed: action={result.Action}, content={JsonSerializer.Serialize(result.Content)}");
    }

    private static ElicitRequestParams.EnumSchemaOption Option(string value, string title) => new() { Const = value, Title = title };

    private static CallToolResult Text(string text) => new() { Content = [new TextContentBlock { Text = text }] };

    private static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };
}
