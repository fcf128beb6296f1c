namespace Kiro.Mcp.Workspace;

/// <summary>
/// A failure the caller can fix. The message is written for the model or person who made the
/// request: it says what was wrong and what to do. <see cref="Code"/> is stable for tests and clients.
/// </summary>
public class KiroException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
