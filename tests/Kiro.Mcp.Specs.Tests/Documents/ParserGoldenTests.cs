using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Tests.Documents;

// Small hand-written inputs under TestData/Documents whose parsed model must equal the JSON golden
// beside them (<name>.md → <name>.json). The parser is chosen by the name's first word. After a
// deliberate change, run the tests with UPDATE_GOLDEN=1, which rewrites the goldens in the source
// tree, and review the diff. TestData/Documents/.gitattributes keeps git from normalising the
// inputs' BOM and CRLF.
public class ParserGoldenTests
{
    private static readonly JsonSerializerOptions _json = CreateJson();

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestDataRoot(), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_parsed_model_matches_its_golden_file(string input)
    {
        var text = new UTF8Encoding(false).GetString(File.ReadAllBytes(Path.Combine(TestDataRoot(), input)));
        object model = input.Split('-', '.')[0] switch
        {
            "requirements" => RequirementsParser.Parse(text),
            "bugfix" => RequirementsParser.ParseBugfix(text),
            "design" => DesignParser.Parse(text),
            "tasks" => TasksParser.Parse(text),
            "outline" => MarkdownOutline.Parse(text),
            var other => throw new InvalidOperationException($"No parser for '{other}' inputs: name the file requirements-, bugfix-, design-, tasks- or outline-…"),
        };
        var actual = JsonSerializer.Serialize(model, model.GetType(), _json).ReplaceLineEndings("\n") + "\n";
        var golden = Path.Combine(TestDataRoot(), Path.ChangeExtension(input, ".json"));

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }
        Assert.True(File.Exists(golden), $"{golden} is missing: run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    private static string TestDataRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "TestData", "Documents"));

    private static JsonSerializerOptions CreateJson()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        // AllCriteria repeats what Requirements already hold.
        resolver.Modifiers.Add(info =>
        {
            if (info.Type == typeof(RequirementsDocument))
            {
                var derived = info.Properties.Single(p => p.Name == nameof(RequirementsDocument.AllCriteria));
                info.Properties.Remove(derived);
            }
        });
        return new JsonSerializerOptions
        {
            WriteIndented = true,
            // Readable goldens: "—" and "ü" as themselves, not \u2014.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter() },
            TypeInfoResolver = resolver,
        };
    }
}
