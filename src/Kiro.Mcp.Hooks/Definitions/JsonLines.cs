using System.Text;
using System.Text.Json;

namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>
/// The line each value of a JSON document starts on, by path ("hooks[1].action.command"), so a
/// finding can point at the line to fix. System.Text.Json's DOM keeps no positions; its reader does.
/// </summary>
internal sealed class JsonLines
{
    internal static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLines()
    {
    }

    /// <summary>The line of the value at <paramref name="path"/>, or of its nearest recorded parent, or 1.</summary>
    public int Of(string path)
    {
        for (var current = path; ; current = Parent(current))
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }
            if (current.Length == 0)
            {
                return 1;
            }
        }
    }

    /// <summary>Positions of a document that already parsed, so the reader here cannot fail.</summary>
    public static JsonLines Read(string text)
    {
        var lines = new JsonLines();
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each open container: its path and, for arrays, the next element's index.
        var stack = new Stack<(string Path, int NextIndex, bool IsArray)>();
        string? property = null;
        var newlines = 0;
        var scanned = 0;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            for (; scanned < start; scanned++)
            {
                if (bytes[scanned] == (byte)'\n')
                {
                    newlines++;
                }
            }
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }
            string path;
            if (stack.Count == 0)
            {
                path = "";
            }
            else if (stack.Peek().IsArray)
            {
                var (parent, index, _) = stack.Pop();
                stack.Push((parent, index + 1, true));
                path = $"{parent}[{index}]";
            }
            else
            {
                path = stack.Peek().Path.Length == 0 ? property! : $"{stack.Peek().Path}.{property}";
            }
            lines._lines.TryAdd(path, newlines + 1);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Push((path, 0, reader.TokenType == JsonTokenType.StartArray));
            }
        }
        return lines;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }
}
