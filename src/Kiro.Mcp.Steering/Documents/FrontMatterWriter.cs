using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kiro.Mcp.Steering.Documents;

/// <summary>
/// Writes front matter the way Kiro's own files look (<c>inclusion: fileMatch</c> plain, globs
/// double-quoted), with YamlDotNet's emitter choosing quotes wherever a value needs them.
/// </summary>
public static class FrontMatterWriter
{
    public static string Write(Inclusion inclusion, IReadOnlyList<string> patterns, string? name, string? description)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        using var writer = new StringWriter();
        // No folding: a long description stays on one line.
        var emitter = new Emitter(writer, new EmitterSettings().WithBestWidth(int.MaxValue));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        Plain(emitter, "inclusion");
        Plain(emitter, InclusionNames.Name(inclusion));
        if (name is not null)
        {
            Plain(emitter, "name");
            Plain(emitter, name);
        }
        if (description is not null)
        {
            Plain(emitter, "description");
            Plain(emitter, description);
        }
        if (patterns.Count > 0)
        {
            Plain(emitter, "fileMatchPattern");
            if (patterns.Count == 1)
            {
                Quoted(emitter, patterns[0]);
            }
            else
            {
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
                foreach (var pattern in patterns)
                {
                    Quoted(emitter, pattern);
                }
                emitter.Emit(new SequenceEnd());
            }
        }
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return "---\n" + writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n---\n";
    }

    // ScalarStyle.Any lets the emitter use plain style when it is safe and quote otherwise.
    private static void Plain(Emitter emitter, string value) =>
        emitter.Emit(new Scalar(null, null, value, ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));

    private static void Quoted(Emitter emitter, string value) =>
        emitter.Emit(new Scalar(null, null, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
}
