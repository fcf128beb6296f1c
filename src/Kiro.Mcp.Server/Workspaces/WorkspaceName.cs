using System.Text;

namespace Kiro.Mcp.Server.Workspaces;

/// <summary>
/// What a workspace may be called. A name goes into resource URIs (<c>kiro://NAME/specs</c>), where a URI
/// library lower-cases the host, and into HTTP paths (<c>/mcp/NAME</c>): so lower-case letters, digits, '.',
/// '-' and '_' only, starting with a letter or digit. A client names a workspace, never gives a path.
/// </summary>
public static class WorkspaceName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && (char.IsAsciiLetterLower(name[0]) || char.IsAsciiDigit(name[0])) && name.All(IsAllowed);

    /// <summary>The name a folder gets when none is given: lower-cased, every other character '-'.</summary>
    public static string FromFolder(string folder)
    {
        var name = new StringBuilder(Math.Min(folder.Length, MaxLength));
        foreach (var c in folder.ToLowerInvariant())
        {
            if (name.Length == MaxLength)
            {
                break;
            }
            name.Append(IsAllowed(c) ? c : '-');
        }
        var text = name.ToString().TrimStart('.', '-', '_');
        return text.Length == 0 ? "workspace" : text;
    }

    /// <summary>The name of the folder at <paramref name="path"/>.</summary>
    public static string FromPath(string path) => FromFolder(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))));

    public static string Problem(string name) =>
        $"'{name}' is not a workspace name: use 1-{MaxLength} lower-case letters, digits, '.', '-' or '_', starting with a letter or digit.";

    private static bool IsAllowed(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_';
}
