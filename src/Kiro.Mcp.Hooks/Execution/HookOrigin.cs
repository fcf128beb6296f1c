namespace Kiro.Mcp.Hooks.Execution;

/// <summary>
/// Who caused an event, as plain values the server hands in: the MCP session (null on stateless HTTP,
/// which has none) and the authenticated user (null without tokens: everyone is the same user).
/// Agent-hook prompts go back to it (see <see cref="PendingPrompts"/>).
/// </summary>
public sealed record HookOrigin(string? Session, string? User)
{
    private static readonly AsyncLocal<HookOrigin?> Ambient = new();

    /// <summary>
    /// The caller of the tool call in progress. The spec lifecycle reaches hooks through Kiro.Mcp.Specs,
    /// whose events carry who (a name for the record) but not which session; rather than thread a
    /// session through every spec operation, the server sets this around each tool call and the hooks
    /// read it when the event is fired, inside that same call.
    /// </summary>
    public static HookOrigin? Current => Ambient.Value;

    /// <summary>The key prompts are addressed to: the session, or the user when there are no sessions.</summary>
    public string Key => Session is not null ? "session:" + Session : "user:" + User;

    public static IDisposable Enter(HookOrigin origin)
    {
        var previous = Ambient.Value;
        Ambient.Value = origin;
        return new Scope(previous);
    }

    private sealed class Scope(HookOrigin? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
