namespace Kiro.Mcp.Steering.Documents;

/// <summary>When a steering document is given to the assistant (Kiro's <c>inclusion</c> front matter key).</summary>
public enum Inclusion
{
    /// <summary>In every interaction; the default when there is no front matter.</summary>
    Always,

    /// <summary>When the assistant works on a file matching one of the <c>fileMatchPattern</c> globs.</summary>
    FileMatch,

    /// <summary>Only when asked for by name (Kiro's <c>#name</c> in chat).</summary>
    Manual,

    /// <summary>When the request matches the description; the assistant is told the name and description and asks for it.</summary>
    Auto,
}
