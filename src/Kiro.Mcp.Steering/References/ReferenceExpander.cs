using System.Text;
using System.Text.RegularExpressions;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.References;

/// <summary>
/// Replaces Kiro's live file references, <c>#[[file:relative/path]]</c>, with the files' contents.
/// Paths are confined to the workspace by <see cref="WorkspaceRoot.OpenRead"/> (no "..", absolute
/// paths or links out, checked on what is opened), each file and the whole expansion are bounded, and expansion is one level
/// deep: references inside a referenced file stay as written, so a file that references itself (or
/// two that reference each other) cannot loop. A reference that cannot be included becomes a visible
/// note in the text; nothing here throws for a bad reference.
/// </summary>
public sealed partial class ReferenceExpander(WorkspaceRoot root)
{
    /// <summary>A referenced file larger than this is not inlined (about 25,000 tokens).</summary>
    public const int MaxFileBytes = 100_000;

    /// <summary>All files inlined into one document together stay under this many characters.</summary>
    public const int MaxTotalChars = 200_000;

    public const int MaxReferences = 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static bool HasReferences(string text) => Reference().IsMatch(text);

    public ExpandedText Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var references = new List<FileReference>();
        var total = 0;
        var expanded = Reference().Replace(text, match =>
        {
            var path = match.Groups["path"].Value.Trim();
            if (references.Count >= MaxReferences)
            {
                return Note(references, path, "limit", $"more than {MaxReferences} file references in one document; read it directly");
            }
            var (content, status, note) = Load(path);
            if (content is null)
            {
                return Note(references, path, status, note!);
            }
            if (total + content.Length > MaxTotalChars)
            {
                return Note(references, path, "limit", $"the referenced files together pass {MaxTotalChars:N0} characters; read it directly");
            }
            total += content.Length;
            references.Add(new FileReference(path, "included", null));
            return Inline(path, content);
        });
        return new ExpandedText(expanded, references);
    }

    private (string? Content, string Status, string? Note) Load(string path)
    {
        FileStream? opened;
        try
        {
            // Opened folder by folder without following links out, so a folder swapped for a link
            // after the path was checked cannot make a reference inline a file from outside.
            opened = root.OpenRead(path);
        }
        catch (KiroException e)
        {
            return (null, "refused", e.Code == "path_invalid" && e.Message.EndsWith("is a folder, not a file.", StringComparison.Ordinal) ? "it is a folder, not a file" : e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "refused", $"it could not be read ({e.GetType().Name})");
        }
        if (opened is null)
        {
            return (null, "missing", "the file does not exist");
        }
        try
        {
            using var stream = opened;
            if (stream.Length > MaxFileBytes)
            {
                return (null, "too_large", $"the file has {stream.Length:N0} bytes, more than the {MaxFileBytes:N0} inlined; read it directly");
            }
            // Read to the end rather than to the length seen, bounded, so a file that grows meanwhile stays bounded.
            var bytes = new byte[MaxFileBytes + 1];
            var count = 0;
            int read;
            while (count < bytes.Length && (read = stream.Read(bytes, count, bytes.Length - count)) > 0)
            {
                count += read;
            }
            if (count > MaxFileBytes)
            {
                return (null, "too_large", $"the file has more than the {MaxFileBytes:N0} bytes inlined; read it directly");
            }
            if (Array.IndexOf(bytes, (byte)0, 0, count) >= 0)
            {
                return (null, "not_text", "it is a binary file");
            }
            return (Utf8.GetString(bytes, 0, count).TrimStart('\uFEFF'), "included", null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return (null, "refused", $"it could not be read ({e.GetType().Name})");
        }
    }

    /// <summary>The file in a fence longer than any backtick run inside it, so its own code blocks stay intact.</summary>
    private static string Inline(string path, string content)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"File `{path}`:\n\n{fence}\n{content.TrimEnd('\r', '\n')}\n{fence}";
    }

    private static string Note(List<FileReference> references, string path, string status, string note)
    {
        references.Add(new FileReference(path, status, note));
        return $"[file `{path}` not included: {note}]";
    }

    [GeneratedRegex(@"#\[\[file:(?<path>[^\]\r\n]*)\]\]")]
    private static partial Regex Reference();
}
