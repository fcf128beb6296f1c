using CsCheck;
using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Planning;
using Kiro.Mcp.Steering.Documents;

namespace Kiro.Mcp.Fuzz.Tests;

/// <summary>Every parser reads any text without throwing, and every position it reports lies inside that text.</summary>
public class ParserProperties
{
    [Fact]
    public void Spec_parsers_never_throw_and_report_positions_inside_the_text()
    {
        KiroText.Document.Sample(text =>
        {
            var headings = MarkdownOutline.Parse(text);
            Assert.All(headings, h => Assert.True(h.Start <= h.BodyStart && h.BodyStart <= h.End && h.End <= text.Length, $"heading '{h.Text}' out of range"));
            _ = RequirementsParser.Parse(text);
            _ = RequirementsParser.ParseBugfix(text);
            _ = DesignParser.Parse(text);
            var tasks = TasksParser.Parse(text);
            Assert.All(tasks.Tasks, t => Assert.True(t.StatusOffset >= 1 && t.StatusOffset + 1 < text.Length
                && text[t.StatusOffset - 1] == '[' && text[t.StatusOffset + 1] == ']', $"task {t.Id} status offset {t.StatusOffset}"));
            var graph = TaskGraph.Build(tasks);
            Assert.True(graph.Waves().Sum(w => w.Count) <= tasks.Tasks.Count);
            Assert.True(graph.CriticalPath().Count <= tasks.Tasks.Count);
        }, iter: FuzzBudget.Iterations, seed: FuzzBudget.Seed, threads: 1);
    }

    private static readonly Gen<string> FrontMatterText = Gen.Select(
        Gen.OneOf("inclusion: always", "inclusion: fileMatch", "inclusion: manual", "inclusion: auto", "inclusion: [x]",
            "fileMatchPattern: \"src/**/*.{ts,tsx}\"", "fileMatchPattern: ['a/*.md', \"{a,b}{c,d}\"]", "fileMatchPattern: {a: b}",
            "description: when: x", "name: n", "key: 'unclosed", "- item", "  nested: 1", "", "#", "? complex", "&anchor a: *anchor").Array[0, 8],
        KiroText.Line.Array[0, 4], Gen.OneOf("---", "...", ""), Gen.OneOf("\n", "\r\n"),
        (yaml, body, close, newline) => string.Join(newline, ["---", .. yaml, close, .. body]));

    [Fact]
    public void The_front_matter_parser_never_throws()
    {
        FrontMatterText.Sample(text =>
        {
            var frontMatter = FrontMatterParser.Parse(text);
            Assert.InRange(frontMatter.BodyStart, 0, text.Length);
        }, iter: FuzzBudget.Iterations, seed: FuzzBudget.Seed, threads: 1);
    }

    private static readonly Gen<(string Text, bool Legacy)> HookText = Gen.Select(
        Gen.OneOf("{", "}", "[", "]", ",", ":", "\"name\"", "\"version\"", "\"when\"", "\"then\"", "\"type\"", "\"fileEdited\"", "\"patterns\"",
            "\"askAgent\"", "\"runCommand\"", "\"command\"", "\"prompt\"", "\"hooks\"", "\"matcher\"", "\"(a+)+$\"", "\"**/*.ts\"", "1", "true", "null",
            "\"enabled\"", "\"timeout\"", "-1", "1e999", "\"\\u0000\"", " ", "\n").Array[0, 40],
        Gen.Bool,
        (tokens, legacy) => (string.Concat(tokens), legacy));

    [Fact]
    public void The_hook_file_reader_never_throws_on_either_format()
    {
        Gen.Select(HookText, Gen.Bool).Sample(pair =>
        {
            var ((text, legacy), wrap) = (pair.Item1, pair.Item2);
            var json = wrap ? "{" + text + "}" : text;
            var (hooks, findings) = HookFileReader.Read(json, legacy ? "x.kiro.hook" : "x.json", HookSource.Workspace);
            Assert.NotNull(hooks);
            Assert.NotNull(findings);
        }, iter: FuzzBudget.Iterations, seed: FuzzBudget.Seed, threads: 1);
    }
}
