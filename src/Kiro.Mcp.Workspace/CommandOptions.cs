namespace Kiro.Mcp.Workspace;

/// <summary>What a command gets besides its command line: text on its standard input and extra environment variables.</summary>
public sealed record CommandOptions
{
    public static readonly CommandOptions None = new();

    /// <summary>Written to the command's standard input, which is then closed; null closes it at once.</summary>
    public string? Input { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
