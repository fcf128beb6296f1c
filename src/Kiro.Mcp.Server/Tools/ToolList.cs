using System.Text.Json;
using Kiro.Mcp.Server.Protocol;
using Kiro.Mcp.Server.Workspaces;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// The server's tools, listed from the reviewed list built into it (<c>Tools/ToolList.json</c>, the tools as clients
/// see them) and each bound to its method on its first call.
/// </summary>
/// <remarks>
/// Building every tool by reflection at start-up (the SDK's <c>McpServerTool.Create</c>: a JSON schema of each
/// argument list and result type, then <see cref="WorkspaceArgument"/> and <see cref="ToolListTrimming"/> over them)
/// was two thirds of the native binary's CPU before it could answer <c>initialize</c>, for 29 tools of which a
/// conversation may call one. The list cannot drift from the methods: ToolSurfaceTests builds it from them the way
/// the server did (<see cref="BuildFromMethods"/>) and compares; <c>tools/update-golden.sh</c> rewrites it.
/// </remarks>
public static class ToolList
{
    private const string ResourceName = "Kiro.Mcp.Server.Tools.ToolList.json";

    /// <summary>Every toolset: what the server registers and what the list is built from.</summary>
    private static ToolSet[] Sets() =>
    [
        ToolSet.Of<WorkspaceTools>(),
        ToolSet.Of<SpecTools>(),
        ToolSet.Of<TaskTools>(),
        ToolSet.Of<SteeringTools>(),
        ToolSet.Of<HookTools>(),
        ToolSet.Of<SteeringGenerationTools>(),
        ToolSet.Of<AuditTools>(),
        ToolSet.Of<ImpactTools>(),
    ];

    /// <summary>Registers every tool, listed from the reviewed list and built when first called.</summary>
    public static IMcpServerBuilder WithKiroTools(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var listed = Read();
        foreach (var set in Sets())
        {
            foreach (var method in set.Methods)
            {
                var name = ToolSet.NameOf(method);
                var tool = listed.GetValueOrDefault(name)
                    ?? throw new InvalidOperationException($"The tool {name} is missing from Tools/ToolList.json: run tools/update-golden.sh.");
                builder.Services.AddSingleton<McpServerTool>(services => new ListedTool(tool, () => set.Build(method, services)));
            }
        }
        return builder;
    }

    /// <summary>
    /// The tools as the SDK builds them from their methods, with the <c>workspace</c> argument added and trimmed as
    /// the server serves them: what <c>Tools/ToolList.json</c> must hold. Slow (reflection); for the tests.
    /// </summary>
    public static IReadOnlyList<Tool> BuildFromMethods(IServiceProvider services)
    {
        var options = new McpServerOptions { ToolCollection = [] };
        foreach (var set in Sets())
        {
            foreach (var method in set.Methods)
            {
                options.ToolCollection.Add(set.Build(method, services));
            }
        }
        WorkspaceArgument.AddTo(options);
        ToolListTrimming.Apply(options);
        return [.. options.ToolCollection.Select(t => t.ProtocolTool)];
    }

    private static Dictionary<string, Tool> Read()
    {
        using var stream = typeof(ToolList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in the server.");
        using var document = JsonDocument.Parse(stream);
        var type = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Tool));
        return document.RootElement.EnumerateArray()
            .Select(element => (Tool)element.Deserialize(type)!)
            .ToDictionary(tool => tool.Name, StringComparer.Ordinal);
    }
}
