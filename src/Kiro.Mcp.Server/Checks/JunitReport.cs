using System.Globalization;
using System.Xml;
using Kiro.Mcp.Specs.Checks;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Specs.Workflow;

namespace Kiro.Mcp.Server.Checks;

/// <summary>
/// JUnit XML, which every CI system can show: a test suite per spec, a test case per spec document (and one for the
/// spec as a whole), failing when it holds a finding at or above the --fail-on level. Lesser findings go to system-out.
/// </summary>
internal static class JunitReport
{
    public static void Write(CheckReport report, FindingSeverity failOn, TextWriter output)
    {
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n" };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "kiro-mcp check");
        foreach (var spec in report.Specs)
        {
            var findings = report.Findings.Where(f => f.Spec == spec).ToList();
            var cases = findings.Select(f => f.File).Prepend(SpecLayout.Folder(spec)).Distinct(StringComparer.Ordinal).ToList();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", XmlText.Clean(spec));
            xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", cases.Count(c => findings.Any(f => f.File == c && f.Severity <= failOn)).ToString(CultureInfo.InvariantCulture));
            foreach (var file in cases)
            {
                var here = findings.Where(f => f.File == file).ToList();
                var failing = here.Where(f => f.Severity <= failOn).ToList();
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", XmlText.Clean(spec));
                xml.WriteAttributeString("name", XmlText.Clean(file));
                xml.WriteAttributeString("file", XmlText.Clean(file));
                if (failing.Count > 0)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", XmlText.Clean(failing.Count == 1 ? failing[0].Message : $"{failing.Count} findings, the first: {failing[0].Message}"));
                    xml.WriteAttributeString("type", failing[0].Code);
                    xml.WriteString(Lines(failing));
                    xml.WriteEndElement();
                }
                var rest = here.Except(failing).ToList();
                if (rest.Count > 0)
                {
                    xml.WriteElementString("system-out", Lines(rest));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string Lines(IEnumerable<CheckFinding> findings) =>
        XmlText.Clean(string.Join('\n', findings.Select(f => $"{f.File}:{f.Line}: {CheckReportFormats.Severity(f.Severity)} {f.Code}: {f.Message} {f.Hint}")));
}
