namespace Kiro.Mcp.Steering.Generation.Analysis.Docs;

/// <summary>
/// What the README and docs say, copied, never paraphrased: generation must not invent a product.
/// Null or empty means the documents do not say, and product.md asks the user instead.
/// </summary>
/// <param name="Path">The README's workspace-relative path, or null without one.</param>
/// <param name="Title">The first level-1 heading.</param>
/// <param name="Summary">The paragraphs between the title and the first section (badges, images and code left out).</param>
/// <param name="Features">Top-level bullets of a section titled like "Features" or "What it does".</param>
/// <param name="Audience">Paragraphs or bullets of a section titled like "Who is it for" or "Audience".</param>
/// <param name="Goals">Paragraphs or bullets of a section titled like "Goals", "Motivation" or "Why".</param>
/// <param name="Docs">Other documentation files with their first heading.</param>
public sealed record ReadmeFacts(
    string? Path,
    string? Title,
    IReadOnlyList<string> Summary,
    string? FeaturesHeading,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Audience,
    IReadOnlyList<string> Goals,
    IReadOnlyList<KeyValuePair<string, string>> Docs);
