using System.Xml;

namespace Kiro.Mcp.Specs.Evidence;

/// <summary>
/// Reads test results as CI produces them: JUnit XML (any runner's "junit" reporter) and .NET TRX. A results file is
/// repository or build output, so hostile: DTDs are refused (no entity expansion, no external entities) and the file
/// is read as a stream with a size bound rather than loaded whole.
/// </summary>
public static class TestResultsReader
{
    /// <summary>Larger than any real results file we have seen by far; a bound, not a budget.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private const string TrxNamespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <exception cref="InvalidDataException">The file is neither JUnit XML nor TRX, is malformed, or is too large.</exception>
    public static IReadOnlyList<TestCaseResult> Read(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length > MaxBytes)
        {
            throw new InvalidDataException($"{path} is {stream.Length:N0} bytes; test results are read up to {MaxBytes:N0}.");
        }
        try
        {
            return Read(stream);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{path} is not well-formed XML: {e.Message}", e);
        }
    }

    public static IReadOnlyList<TestCaseResult> Read(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(stream, settings);
        reader.MoveToContent();
        return reader.LocalName switch
        {
            "TestRun" when reader.NamespaceURI == TrxNamespace => ReadTrx(reader),
            "testsuites" or "testsuite" => ReadJunit(reader),
            var other => throw new InvalidDataException($"A <{other}> document is neither JUnit XML (<testsuites>/<testsuite>) nor TRX (<TestRun>)."),
        };
    }

    private static List<TestCaseResult> ReadJunit(XmlReader reader)
    {
        var results = new List<TestCaseResult>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "testcase")
            {
                results.Add(ReadJunitCase(reader));
            }
        }
        return results;
    }

    private static TestCaseResult ReadJunitCase(XmlReader reader)
    {
        var name = reader.GetAttribute("name") ?? "";
        var tags = new List<string>();
        if (reader.GetAttribute("classname") is { Length: > 0 } classname)
        {
            tags.Add(classname);
        }
        var outcome = TestOutcome.Passed;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                switch (reader.LocalName)
                {
                    case "failure" or "error":
                        outcome = TestOutcome.Failed;
                        break;
                    case "skipped" when outcome != TestOutcome.Failed:
                        outcome = TestOutcome.Skipped;
                        break;
                    case "property":
                        tags.Add($"{reader.GetAttribute("name")}: {reader.GetAttribute("value") ?? ""}");
                        break;
                }
            }
        }
        return new TestCaseResult(name, outcome, tags);
    }

    /// <summary>
    /// TRX keeps outcomes in &lt;Results&gt; and names, categories and traits in &lt;TestDefinitions&gt;, joined by the test id.
    /// </summary>
    private static List<TestCaseResult> ReadTrx(XmlReader reader)
    {
        var outcomes = new List<(string Id, string Name, TestOutcome Outcome)>();
        var definitions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        string? pendingKey = null;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            switch (reader.LocalName)
            {
                // Reading an element's content leaves the reader on the next node already: no Read() after it.
                case "Key" when current is not null:
                    pendingKey = reader.ReadElementContentAsString();
                    continue;
                case "Value" when current is not null && pendingKey is not null:
                    current.Add($"{pendingKey}: {reader.ReadElementContentAsString()}");
                    pendingKey = null;
                    continue;
                case "UnitTestResult":
                    outcomes.Add((reader.GetAttribute("testId") ?? "", reader.GetAttribute("testName") ?? "", reader.GetAttribute("outcome") switch
                    {
                        "Passed" => TestOutcome.Passed,
                        "Failed" or "Error" or "Timeout" or "Aborted" => TestOutcome.Failed,
                        _ => TestOutcome.Skipped,
                    }));
                    break;
                case "UnitTest":
                    current = [];
                    definitions[reader.GetAttribute("id") ?? ""] = current;
                    break;
                case "TestMethod" when current is not null:
                    current.Add(reader.GetAttribute("className") ?? "");
                    break;
                case "TestCategoryItem" when current is not null:
                    current.Add(reader.GetAttribute("TestCategory") ?? "");
                    break;
            }
            reader.Read();
        }
        return outcomes.Select(o => new TestCaseResult(o.Name, o.Outcome, definitions.GetValueOrDefault(o.Id) ?? [])).ToList();
    }
}
