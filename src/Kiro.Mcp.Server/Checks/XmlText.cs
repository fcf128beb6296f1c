using System.Text;
using System.Xml;

namespace Kiro.Mcp.Server.Checks;

/// <summary>
/// Text made safe for XML 1.0: a character XML cannot hold (a control character in a spec of a cloned repository)
/// becomes U+FFFD instead of making XmlWriter throw halfway through the report.
/// </summary>
internal static class XmlText
{
    public static string Clean(string value)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
                continue;
            }
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                cleaned?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }
            cleaned ??= new StringBuilder(value, 0, i, value.Length);
            cleaned.Append('\uFFFD');
        }
        return cleaned?.ToString() ?? value;
    }
}
