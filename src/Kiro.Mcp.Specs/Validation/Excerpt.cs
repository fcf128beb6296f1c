namespace Kiro.Mcp.Specs.Validation;

/// <summary>Short quotes of document text for finding messages, which are read in a tool result, not an editor.</summary>
internal static class Excerpt
{
    private const int MaxLength = 80;

    public static string Of(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= MaxLength ? flat : string.Concat(flat.AsSpan(0, MaxLength - 1).TrimEnd(), "…");
    }
}
