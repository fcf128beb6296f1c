using System.Text.RegularExpressions;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Documents;

/// <summary>The names of steering files: <c>.kiro/steering/&lt;name&gt;.md</c>.</summary>
public static partial class SteeringName
{
    public const int MaxLength = 80;

    /// <summary>Refuses a name that cannot be written as one plain file name in .kiro/steering.</summary>
    public static void CheckNew(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLength || !Valid().IsMatch(name))
        {
            throw new KiroException("steering_name_invalid",
                $"'{name}' is not a steering name. Use up to {MaxLength} letters, digits, '-' and '_' (e.g. 'api-design'); the file becomes .kiro/steering/<name>.md.");
        }
    }

    /// <summary>
    /// True for a name an existing file may have (hand-made files use spaces, capitals and dots):
    /// one file name, not hidden, with no path separators or drive colons.
    /// </summary>
    public static bool IsFileName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 255 && name[0] != '.'
        && name.IndexOfAny(['/', '\\', ':']) < 0 && !name.Any(char.IsControl);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex Valid();
}
