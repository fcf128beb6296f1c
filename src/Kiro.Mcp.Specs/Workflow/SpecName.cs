using System.Text.RegularExpressions;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Workflow;

/// <summary>Rules for spec folder names: kebab-case for new specs, any safe single folder name for existing ones.</summary>
public static partial class SpecName
{
    public const int MaxLength = 64;

    /// <summary>Checks a name for a new spec; Kiro asks for kebab-case such as "user-authentication".</summary>
    public static void CheckNew(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            CheckExisting(name);
        }
        if (name!.Length > MaxLength || !KebabCase().IsMatch(name))
        {
            throw new KiroException("spec_name_invalid",
                $"'{Shorten(name)}' is not a kebab-case spec name. Use lower-case words joined by hyphens (at most {MaxLength} characters), such as '{Suggest(name)}'.");
        }
    }

    /// <summary>
    /// Checks a name that refers to an existing spec folder. Existing folders may be named freely
    /// (real repositories have "01-record-core" or "_template"), but a name is always one plain folder.
    /// </summary>
    public static void CheckExisting(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new KiroException("spec_name_invalid", "The spec name is empty. Call spec_list to see the specs, or pass a kebab-case name such as 'user-authentication'.");
        }
        if (name.Length > MaxLength || !SafeFolder().IsMatch(name) || name is "." or "..")
        {
            throw new KiroException("spec_name_invalid",
                $"'{Shorten(name)}' is not a valid spec name: use one folder name of letters, digits, '-', '_' or '.' (at most {MaxLength} characters), such as 'user-authentication'.");
        }
    }

    private static string Suggest(string name)
    {
        var words = NonAlphanumeric().Split(CamelBoundary().Replace(name, "$1-$2").ToLowerInvariant()).Where(w => w.Length > 0);
        var suggestion = string.Join('-', words);
        return suggestion.Length is > 0 and <= MaxLength ? suggestion : "my-feature";
    }

    private static string Shorten(string name)
    {
        var printable = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return printable.Length > 80 ? printable[..80] + "…" : printable;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex SafeFolder();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();
}
