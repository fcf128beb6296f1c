using System.Text;
using Kiro.Mcp.Specs.Evidence;

namespace Kiro.Mcp.Specs.Tests.Evidence;

public sealed class TestResultsReaderTests
{
    [Fact]
    public void Junit_outcomes_and_properties_are_read()
    {
        var results = Read("""
            <testsuites><testsuite name="s">
              <testcase classname="C" name="passes" />
              <testcase classname="C" name="fails"><failure /></testcase>
              <testcase classname="C" name="errors"><error /></testcase>
              <testcase classname="C" name="skipped"><skipped /></testcase>
              <testcase classname="C" name="tagged"><properties><property name="Feature" value="x, Requirements: 1.1" /></properties></testcase>
            </testsuite></testsuites>
            """);

        Assert.Equal(
            [("passes", TestOutcome.Passed), ("fails", TestOutcome.Failed), ("errors", TestOutcome.Failed), ("skipped", TestOutcome.Skipped), ("tagged", TestOutcome.Passed)],
            results.Select(r => (r.Name, r.Outcome)));
        Assert.Equal(["C", "Feature: x, Requirements: 1.1"], results[^1].Tags);
    }

    [Fact]
    public void Trx_joins_outcomes_to_definitions_and_reads_categories_and_traits()
    {
        var results = Read("""
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results><UnitTestResult testId="1" testName="T" outcome="Failed" /><UnitTestResult testId="2" testName="U" outcome="NotExecuted" /></Results>
              <TestDefinitions>
                <UnitTest id="1" name="T">
                  <TestCategory><TestCategoryItem TestCategory="Feature: x, Property 2: y" /></TestCategory>
                  <Properties><Property><Key>Area</Key><Value>billing</Value></Property><Property><Key>Feature</Key><Value>x, Requirements: 3.1</Value></Property></Properties>
                  <TestMethod className="Ns.C" name="T" />
                </UnitTest>
              </TestDefinitions>
            </TestRun>
            """);

        Assert.Equal([("T", TestOutcome.Failed), ("U", TestOutcome.Skipped)], results.Select(r => (r.Name, r.Outcome)));
        Assert.Equal(["Feature: x, Property 2: y", "Area: billing", "Feature: x, Requirements: 3.1", "Ns.C"], results[0].Tags);
        Assert.Equal(
            [new EvidenceTag("x", "2", []), new EvidenceTag("x", null, ["3.1"])],
            EvidenceTags.Find(results[0]).Select(t => t with { Criteria = [.. t.Criteria] }),
            new TagEquality());
    }

    [Fact]
    public void A_document_type_declaration_is_refused_so_no_entity_is_expanded_or_fetched()
    {
        // A results file is build output of a possibly hostile repository: "billion laughs" or an external entity.
        var hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE testsuite [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <testsuite><testcase name="&b;&secret;" /></testsuite>
            """;
        Assert.ThrowsAny<System.Xml.XmlException>(() => Read(hostile));
    }

    [Fact]
    public void Something_that_is_not_test_results_is_refused_by_name()
    {
        var refused = Assert.Throws<InvalidDataException>(() => Read("<project />"));
        Assert.Contains("<project>", refused.Message);
    }

    private static IReadOnlyList<TestCaseResult> Read(string xml) => TestResultsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    private sealed class TagEquality : IEqualityComparer<EvidenceTag>
    {
        public bool Equals(EvidenceTag? x, EvidenceTag? y) => x!.Spec == y!.Spec && x.Property == y.Property && x.Criteria.SequenceEqual(y.Criteria);

        public int GetHashCode(EvidenceTag obj) => obj.Spec.GetHashCode(StringComparison.Ordinal);
    }
}
