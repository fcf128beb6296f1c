namespace Kiro.Mcp.Bench;

/// <summary>A tool call returned isError; carries the tool's text so the run can stop with it.</summary>
internal sealed class ToolCallFailedException : Exception
{
    public ToolCallFailedException()
    {
    }

    public ToolCallFailedException(string message)
        : base(message)
    {
    }

    public ToolCallFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
