using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// One toolset class's tool methods, and how the SDK builds a tool from one of them: what the SDK's
/// <c>WithTools&lt;T&gt;(KiroJson.Options)</c> registers, kept here so that <see cref="ToolList"/> can build a tool when
/// it is first called instead of at start-up.
/// </summary>
internal sealed class ToolSet
{
    private readonly Func<IServiceProvider?, object> _target;

    private ToolSet(IReadOnlyList<MethodInfo> methods, Func<IServiceProvider?, object> target)
    {
        Methods = methods;
        _target = target;
    }

    public IReadOnlyList<MethodInfo> Methods { get; }

    public static ToolSet Of<[DynamicallyAccessedMembers(
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] T>()
        where T : class =>
        new([.. typeof(T).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
                .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null)],
            // As the SDK does: a new instance per call, from the call's services (the workspace's, see WorkspaceServices).
            services => services is not null ? ActivatorUtilities.CreateInstance<T>(services) : Activator.CreateInstance<T>());

    /// <summary>The tool's name as declared (every tool names itself: CONVENTIONS.md).</summary>
    public static string NameOf(MethodInfo method) =>
        method.GetCustomAttribute<McpServerToolAttribute>()?.Name ?? throw new InvalidOperationException($"{method.DeclaringType?.Name}.{method.Name} declares no tool name.");

    /// <summary>The SDK's tool for <paramref name="method"/>: its schemas and argument binding, made by reflection.</summary>
    public McpServerTool Build(MethodInfo method, IServiceProvider services)
    {
        var options = new McpServerToolCreateOptions { Services = services, SerializerOptions = KiroJson.Options };
        return method.IsStatic
            ? McpServerTool.Create(method, options)
            : McpServerTool.Create(method, request => _target(request.Services), options);
    }
}
