namespace Kiro.Mcp.Steering.Documents;

/// <summary>The spellings of <see cref="Inclusion"/> in Kiro's front matter, which results use too.</summary>
public static class InclusionNames
{
    public const string Always = "always";
    public const string FileMatch = "fileMatch";
    public const string Manual = "manual";
    public const string Auto = "auto";

    public static string Name(Inclusion inclusion) => inclusion switch
    {
        Inclusion.FileMatch => FileMatch,
        Inclusion.Manual => Manual,
        Inclusion.Auto => Auto,
        _ => Always,
    };

    /// <summary>Kiro's spelling, case-insensitively (hand-written files vary), and "file_match" for callers used to snake case.</summary>
    public static Inclusion? TryParse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "always" => Inclusion.Always,
        "filematch" or "file_match" => Inclusion.FileMatch,
        "manual" => Inclusion.Manual,
        "auto" => Inclusion.Auto,
        _ => null,
    };
}
