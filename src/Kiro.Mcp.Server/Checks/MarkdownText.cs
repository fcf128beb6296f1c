using System.Text;

namespace Kiro.Mcp.Server.Checks;

/// <summary>
/// Repository text made inert in Markdown that a bot posts to a pull request: no markup, HTML, tables broken by '|',
/// or @-mentions that would notify people (a spec in a pull request is written by whoever opened it).
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_{}[]<>()#+!|~";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
            }
            else if (c == '@')
            {
                escaped.Append("@\u200B"); // a zero-width space after '@' is not a mention
            }
            else
            {
                if (Special.Contains(c, StringComparison.Ordinal))
                {
                    escaped.Append('\\');
                }
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }
}
