using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

// The C# MCP SDK template's stdio server, reduced to one tool; logs go to stderr, as stdout is the protocol.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddMcpServer().WithStdioServerTransport().WithTools<EchoTools>();
await builder.Build().RunAsync();

[McpServerToolType]
internal sealed class EchoTools
{
    [McpServerTool, Description("Echoes the message back.")]
    public static string Echo([Description("What to echo.")] string message) => "echo: " + message;
}
