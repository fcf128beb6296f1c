namespace Kiro.Mcp.Steering.Documents;

/// <summary>
/// A steering file's parsed front matter. A file without front matter, or with front matter that
/// cannot be read, is <see cref="Inclusion.Always"/>, as in Kiro; the problem is in <see cref="Findings"/>.
/// </summary>
/// <param name="BodyStart">Index in the text where the markdown after the front matter begins.</param>
/// <param name="Patterns">The fileMatch globs, one per entry (a comma-separated string is split).</param>
/// <param name="Name">The <c>name</c> key (used by <c>auto</c> documents), if any.</param>
public sealed record FrontMatter(
    Inclusion Inclusion,
    IReadOnlyList<string> Patterns,
    string? Name,
    string? Description,
    int BodyStart,
    IReadOnlyList<SteeringFinding> Findings)
{
    public static FrontMatter None { get; } = new(Inclusion.Always, [], null, null, 0, []);

    /// <summary>True when the text had a front matter block (even one that could not be parsed).</summary>
    public bool Present => BodyStart > 0;
}
