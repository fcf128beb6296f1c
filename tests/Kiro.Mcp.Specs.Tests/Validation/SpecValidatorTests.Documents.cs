using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Specs.Tests.Validation;

// Validation of parsed files: every spec of both corpora (tests/Corpus/kiro, and ../shared/fixtures/kiro
// when it is there), and golden reports of the small specs under TestData/Validation/<name>/. To accept
// a changed report after reviewing the diff, run the tests with UPDATE_GOLDEN=1, which rewrites each
// report.json in the source tree.
public partial class SpecValidatorTests
{
    private static readonly string[] s_documentFiles = ["requirements.md", "bugfix.md", "design.md", "tasks.md"];

    private static readonly JsonSerializerOptions s_goldenJson = CreateGoldenJson();

    public static TheoryData<string, string> FixtureSpecs() => KiroFixtures.Each(corpus => s_documentFiles
        .SelectMany(file => corpus.Files(file, "specs"))
        .Select(f => Path.GetDirectoryName(f)!)
        .Distinct()
        .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(FixtureSpecs))]
    public void Every_fixture_spec_validates_with_findings_inside_its_documents(string corpus, string folder)
    {
        var (documents, lineCounts) = Load(KiroFixtures.Named(corpus).FullPath(folder));

        var report = SpecValidator.Validate(documents);

        Assert.All(report.Findings, f =>
        {
            Assert.True(lineCounts.ContainsKey(f.Document), $"{f.Code} names '{f.Document}', which this spec does not have");
            Assert.InRange(f.Line, 0, lineCounts[f.Document]);
        });
        Assert.Equal(report.Coverage.Total - report.Coverage.Covered, report.Coverage.Uncovered.Count);
    }

    [Theory]
    [InlineData("clean-feature")]
    [InlineData("flawed-feature")]
    [InlineData("flawed-bugfix")]
    public void The_report_of_a_test_spec_matches_its_golden_file(string name)
    {
        var folder = Path.Combine(TestDataRoot(), name);
        var golden = Path.Combine(folder, "report.json");

        var actual = JsonSerializer.Serialize(SpecValidator.Validate(Load(folder).Documents), s_goldenJson).ReplaceLineEndings("\n") + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    private static (SpecDocuments Documents, Dictionary<string, int> LineCounts) Load(string folder)
    {
        var lineCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? Read(string file)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                return null;
            }
            var text = File.ReadAllText(path);
            lineCounts[Path.GetFileNameWithoutExtension(file)] = text.Split('\n').Length;
            return text;
        }

        var bugfix = Read("bugfix.md");
        var requirements = bugfix is not null ? RequirementsParser.ParseBugfix(bugfix)
            : Read("requirements.md") is { } text ? RequirementsParser.Parse(text) : null;
        var design = Read("design.md") is { } designText ? DesignParser.Parse(designText) : null;
        var tasks = Read("tasks.md") is { } tasksText ? TasksParser.Parse(tasksText) : null;
        return (new SpecDocuments(requirements, design, tasks), lineCounts);
    }

    private static string TestDataRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "TestData", "Validation"));

    private static JsonSerializerOptions CreateGoldenJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            // Readable goldens: "…" and "–" as themselves, not \u2026.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
