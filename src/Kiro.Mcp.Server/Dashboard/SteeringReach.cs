using Kiro.Mcp.Steering.Service;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>What a steering document applies to, in words, from its inclusion mode (Kiro's front matter) or, for AGENTS.md, its folder.</summary>
public static class SteeringReach
{
    public static string Of(SteeringSummary document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Source == "agents")
        {
            var folder = document.Name.Length > "AGENTS.md".Length ? document.Name[..^"/AGENTS.md".Length] : "";
            return folder.Length == 0 ? "Every path: AGENTS.md at the workspace root is always included." : $"Paths under {folder}/: an AGENTS.md applies to its folder.";
        }
        return document.Inclusion switch
        {
            "always" => "Every path: inclusion always.",
            "fileMatch" => document.Patterns.Count == 0
                ? "No path: inclusion fileMatch without a pattern."
                : $"Paths matching {string.Join(", ", document.Patterns)} (inclusion fileMatch).",
            "manual" => "No path by itself: inclusion manual, included only when asked for by name.",
            _ => $"When the request fits its description (inclusion auto): {document.Description ?? "no description"}",
        };
    }
}
