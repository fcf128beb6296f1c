using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Tools;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tests;

/// <summary>
/// The JSON of tools and resources comes from compile-time metadata: a native (AOT) server has no reflection,
/// and a type without metadata there makes the server never answer (or answer <c>{}</c>).
/// </summary>
public class KiroJsonTests
{
    /// <summary>The resolvers of <see cref="KiroJson.Options"/> that are compile-time contexts, as in a native build.</summary>
    private static readonly JsonSerializerOptions WithoutReflection = new(KiroJson.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine([.. KiroJson.Options.TypeInfoResolverChain.OfType<JsonSerializerContext>()]),
    };

    public static TheoryData<string> ToolTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in ToolMethods().SelectMany(m => m.GetParameters().Where(p => p.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>() is not null).Select(p => p.ParameterType).Append(Result(m))).Distinct())
        {
            data.Add(type.AssemblyQualifiedName!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ToolTypes))]
    public void Every_tool_argument_and_result_has_compile_time_metadata(string typeName)
    {
        var type = Type.GetType(typeName)!;
        var info = WithoutReflection.GetTypeInfo(type);
        Assert.NotNull(info);
    }

    [Fact]
    public void Every_enum_reachable_from_a_result_is_written_as_a_snake_case_string()
    {
        var enums = new HashSet<Type>();
        var seen = new HashSet<Type>();
        foreach (var type in ToolMethods().Select(Result).Where(t => t != typeof(ModelContextProtocol.Protocol.CallToolResult)))
        {
            CollectEnums(WithoutReflection.GetTypeInfo(type), seen, enums);
        }
        Assert.NotEmpty(enums);
        foreach (var type in enums)
        {
            var value = Enum.GetValues(type).GetValue(0)!;
            var json = JsonSerializer.Serialize(value, WithoutReflection.GetTypeInfo(type));
            Assert.Equal('"' + JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()!) + '"', json);
        }
    }

    private static void CollectEnums(JsonTypeInfo info, HashSet<Type> seen, HashSet<Type> enums)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (!seen.Add(info.Type))
        {
            return;
        }
        if (type.IsEnum)
        {
            enums.Add(type);
            return;
        }
        if (info.ElementType is { } element)
        {
            CollectEnums(WithoutReflection.GetTypeInfo(element), seen, enums);
        }
        if (info.KeyType is { } key)
        {
            CollectEnums(WithoutReflection.GetTypeInfo(key), seen, enums);
        }
        foreach (var property in info.Properties)
        {
            CollectEnums(WithoutReflection.GetTypeInfo(property.PropertyType), seen, enums);
        }
    }

    private static IEnumerable<MethodInfo> ToolMethods() =>
        typeof(KiroMcpRegistration).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<McpServerToolTypeAttribute>() is not null)
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null);

    private static Type Result(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is var generic && (generic == typeof(Task<>) || generic == typeof(ValueTask<>))
            ? method.ReturnType.GetGenericArguments()[0]
            : method.ReturnType;
}
