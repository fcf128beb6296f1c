using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>
/// Reads one hook file of either format. It never throws on bad input: a file that is not JSON gives
/// one error finding and no hooks; a hook with a missing or wrong field gives an error finding and is
/// left out, while the file's other hooks load.
/// </summary>
public static class HookFileReader
{
    public const string V1Extension = ".json";
    public const string LegacyExtension = ".kiro.hook";

    /// <summary>Hook files by name: Kiro reads <c>*.kiro.hook</c> and <c>*.json</c> directly in the hooks folder.</summary>
    public static bool IsHookFile(string fileName) =>
        !fileName.StartsWith('.')
        && (fileName.EndsWith(LegacyExtension, StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(V1Extension, StringComparison.OrdinalIgnoreCase));

    public static (IReadOnlyList<HookDefinition> Hooks, IReadOnlyList<HookFinding> Findings) Read(string text, string file, HookSource source)
    {
        var context = new HookReadContext(file, source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.TrimStart('\uFEFF'), JsonLines.DocumentOptions);
        }
        catch (JsonException e)
        {
            context.Error((int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {FirstSentence(e.Message)}");
            return ([], context.Findings);
        }
        using (document)
        {
            context.Lines = JsonLines.Read(text.TrimStart('\uFEFF'));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                context.Error(1, "a hook file must hold one JSON object.");
            }
            else if (file.EndsWith(LegacyExtension, StringComparison.OrdinalIgnoreCase))
            {
                LegacyHookReader.Read(document.RootElement, context);
            }
            else
            {
                V1HookReader.Read(document.RootElement, context);
            }
        }
        return (context.Hooks, context.Findings);
    }

    /// <summary>Null when <paramref name="pattern"/> is a usable regular expression, else why not.</summary>
    public static string? CheckRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return FirstSentence(e.Message);
        }
    }

    // JsonException messages end with "Path: $ | LineNumber: 3 | BytePositionInLine: 4."; the line is reported on its own.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
