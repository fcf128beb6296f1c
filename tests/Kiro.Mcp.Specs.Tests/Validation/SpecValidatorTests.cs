using System.Text.Json;
using System.Text.Json.Serialization;
using Kiro.Mcp.Specs.Validation;
using static Kiro.Mcp.Specs.Tests.Validation.Model;

namespace Kiro.Mcp.Specs.Tests.Validation;

public partial class SpecValidatorTests
{
    private static readonly JsonSerializerOptions s_json = CreateJson();

    [Fact]
    public void A_clean_spec_has_no_findings_and_full_coverage()
    {
        var report = SpecValidator.Validate(CleanSpec());

        Assert.Empty(report.Findings);
        Assert.Equal((2, 2), (report.Coverage.Total, report.Coverage.Covered));
        Assert.Empty(report.Coverage.Uncovered);
    }

    [Fact]
    public void A_spec_with_no_documents_has_no_findings_and_no_criteria()
    {
        var report = SpecValidator.Validate(new SpecDocuments(null, null, null));

        Assert.Empty(report.Findings);
        Assert.Equal((0, 0), (report.Coverage.Total, report.Coverage.Covered));
        Assert.Empty(report.Coverage.Uncovered);
    }

    [Fact]
    public void Findings_are_ordered_by_document_then_line_then_code()
    {
        var documents = new SpecDocuments(
            Requirements(
                Requirement("1", 5, Criterion("1.1", 9, "The note is saved quickly")),
                new Kiro.Mcp.Specs.Documents.Requirement("2", null, null, [], 3)),
            Design(["Overview"], Property("1", 4)),
            Tasks(Task("1", 2), Task("1", 1, "1.1")));

        var findings = SpecValidator.Validate(documents).Findings;

        var keys = findings.Select(f => (Document: f.Document switch { "requirements" => 0, "design" => 1, _ => 2 }, f.Line, f.Code)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Document).ThenBy(k => k.Line).ThenBy(k => k.Code, StringComparer.Ordinal), keys);
        Assert.Equal(["requirements", "design", "tasks"], findings.Select(f => f.Document).Distinct());
    }

    [Fact]
    public void The_same_documents_always_give_an_equal_report()
    {
        SpecDocuments Build() => new(
            Requirements(
                Requirement("1", 3, Criterion("1.1", 5, "It should be fast, simple and secure"), Criterion("1.3", 6)),
                Requirement("3", 10, Criterion("3.1", 12), Criterion("3.1", 13))),
            Design(["Overview", "Testing"], Property("1", 4, "9.9"), Property("2", 8)),
            Tasks(Task("1", 1, "1.1", "7.7"), Task("2", 2), Task("2", 3)));

        var first = JsonSerializer.Serialize(SpecValidator.Validate(Build()), s_json);
        var second = JsonSerializer.Serialize(SpecValidator.Validate(Build()), s_json);

        Assert.Equal(first, second);
        Assert.Contains("vague_term", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_emitted_code_is_a_constant_of_FindingCodes_and_every_constant_is_snake_case()
    {
        var codes = typeof(FindingCodes).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var documents = new SpecDocuments(
            Requirements(Requirement("1", 3, Criterion("1.1", 5, "It should be fast")), Requirement("1", 8)),
            Design([], Property("1", 4, "9.9"), Property("2", 8)),
            Tasks(Task("1", 1, "7.7"), Task("1", 2), Task("2", 3)));

        var emitted = SpecValidator.Validate(documents).Findings.Select(f => f.Code).Distinct();

        Assert.Subset(codes.ToHashSet(), emitted.ToHashSet());
        Assert.All(codes, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Every_finding_has_a_message_and_an_actionable_hint()
    {
        var documents = new SpecDocuments(
            Requirements(Requirement("1", 3, Criterion("1.1", 5, "It should be fast")), Requirement("3", 8)),
            Design([], Property("1", 4, "9.9"), Property("2", 8)),
            new Kiro.Mcp.Specs.Documents.TasksDocument([Task("1", 1, "7.7"), Task("1", 2)], [new(9, "- [?] 3. Broken", "unknown checkbox state '?'")], []));

        var findings = SpecValidator.Validate(documents).Findings;

        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
            Assert.EndsWith(".", f.Message, StringComparison.Ordinal);
            Assert.EndsWith(".", f.Hint, StringComparison.Ordinal);
            Assert.True(f.Line >= 0);
        });
    }

    private static List<Finding> Findings(SpecDocuments documents, string code) =>
        SpecValidator.Validate(documents).Findings.Where(f => f.Code == code).ToList();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
