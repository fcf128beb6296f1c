namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>Kiro's two hook file generations.</summary>
public enum HookFormat
{
    /// <summary>IDE 1.0+: <c>*.json</c> with <c>{"version":"v1","hooks":[...]}</c>.</summary>
    V1,

    /// <summary>IDE 0.x: <c>*.kiro.hook</c> with <c>when</c>/<c>then</c>.</summary>
    Legacy,
}
