namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>
/// One hook as read from either format. <see cref="Trigger"/> is the v1 name (legacy names are
/// mapped), or the name as written when it is unknown. File triggers match with
/// <see cref="Matcher"/> (v1, a regular expression searched in the workspace-relative path) or
/// <see cref="Patterns"/> (legacy globs); neither means every file.
/// </summary>
public sealed record HookDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required string Trigger { get; init; }

    public string? Matcher { get; init; }

    public IReadOnlyList<string> Patterns { get; init; } = [];

    public required HookActionType ActionType { get; init; }

    public string? Command { get; init; }

    public string? Prompt { get; init; }

    /// <summary>Seconds as written; see <see cref="Timeout"/> for what runs.</summary>
    public int? TimeoutSeconds { get; init; }

    public bool Enabled { get; init; } = true;

    public required HookSource Source { get; init; }

    public required HookFormat Format { get; init; }

    /// <summary>The file, as shown to users: workspace-relative, or under <c>~/.kiro/hooks/</c>.</summary>
    public required string File { get; init; }

    public required int Line { get; init; }

    /// <summary>Position in its file (v1 files hold several hooks).</summary>
    public int Index { get; init; }

    /// <summary>Why this hook never fires although it is enabled (superseded, shadowed), or null.</summary>
    public string? Inactive { get; init; }

    /// <summary>A hash of its file's text: what a matcher that timed out waits to change.</summary>
    public string FileVersion { get; init; } = "";

    /// <summary>Identifies the hook across reloads: its file and its place in it.</summary>
    public string Key => $"{File}#{Index}";

    public const int DefaultTimeoutSeconds = 60;

    /// <summary>The longest a hook may ask for; a larger timeout is capped to it.</summary>
    public const int MaxTimeoutSeconds = 3600;

    /// <summary>Missing, 0 or negative means the default: no hook runs forever (the runner also caps it).</summary>
    public TimeSpan Timeout => TimeoutSeconds switch
    {
        null or <= 0 => TimeSpan.FromSeconds(DefaultTimeoutSeconds),
        > MaxTimeoutSeconds => TimeSpan.FromSeconds(MaxTimeoutSeconds),
        var s => TimeSpan.FromSeconds(s.Value),
    };
}
