using System.Text;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Workspace;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Documents;

/// <summary>
/// Markdig's policy is ours: a parser never throws on bad input. Markdig itself does throw on
/// pathological nesting ("depth limit exceeded"), which is why the deep cases are here.
/// </summary>
public class MalformedInputTests
{
    private static readonly Dictionary<string, string> _junk = new(StringComparer.Ordinal)
    {
        ["empty"] = "",
        ["only a hash"] = "#",
        ["seven hashes"] = "####### not a heading\n######",
        ["only a bom"] = "\uFEFF",
        ["only line endings"] = "\r\n\r\r\n\n",
        ["unclosed fence"] = "# T\n```\n- [ ] 1. inside an unclosed fence\n### Requirement 1\n",
        ["unclosed fence at a task"] = "- [ ] 1. Task\n  ```\n  - [ ] 2. fenced",
        ["bare checkbox"] = "- [",
        ["empty task"] = "- [ ]\n- [x] 1.\n- [ ]*",
        ["control characters"] = "\0\u0001\uFFFD### Requirement\u0007\n- [\0] 1. x\n",
        ["lone surrogates"] = "# \uD800 heading\n- [ ] 1. \uDC00 task\n",
        ["unicode separators"] = "# A\u2028## B\u2029- [ ] 1. C\u0085",
        ["empty criteria"] = "### Requirement 1\n\n1.\n2.\n#### Acceptance Criteria\n",
        ["requirement without number"] = "### Requirement\n### Requirement :\n### Requirement 99999999999999999999: huge",
        ["property fragments"] = "Property 1:\n**Validates:**\n### Property\n_Validates: Requirements_",
        ["clause fragments"] = "1.1\n1.1 \n**1.1**\n- 2.1 WHEN",
        ["tabs and crlf"] = "\t#\tTabbed\r\n\t- [ ]\t1.\tTask\r\n",
        ["deep quotes"] = new string('>', 300) + " # deep",
        ["deep ordered lists"] = string.Concat(Enumerable.Repeat("1. ", 150)) + "x",
        ["deep brackets"] = new string('[', 20000),
        ["deep emphasis"] = string.Concat(Enumerable.Repeat("*a", 5000)),
        ["long line"] = "- [ ] 1. " + new string('x', 100_000),
        ["long requirements line"] = "- [ ] 1. T\n  - _Requirements: " + string.Concat(Enumerable.Repeat("word ", 20_000)) + new string('w', 50_000) + "_\n",
        ["long heading of spaces"] = "#" + new string(' ', 50_000) + "x" + new string('\t', 50_000) + "#",
        ["random bytes as utf8"] = new UTF8Encoding(false).GetString(RandomBytes(4096)),
        ["random bytes as latin1"] = Encoding.Latin1.GetString(RandomBytes(4096)),
    };

    public static TheoryData<string> Cases() => new(_junk.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_parser_throws_and_every_position_read_lies_inside_the_text(string name)
    {
        var text = _junk[name];

        var headings = MarkdownOutline.Parse(text);
        var requirements = RequirementsParser.Parse(text);
        var bugfix = RequirementsParser.ParseBugfix(text);
        var design = DesignParser.Parse(text);
        var tasks = TasksParser.Parse(text);

        Assert.All(headings, h => Assert.True(h.Start <= h.BodyStart && h.BodyStart <= h.End && h.End <= text.Length));
        Assert.Equal(headings, requirements.Headings);
        Assert.NotNull(bugfix.Requirements);
        Assert.NotNull(design.Properties);
        foreach (var task in tasks.Tasks)
        {
            var other = task.Status == TaskStatus.Done ? TaskStatus.NotStarted : TaskStatus.Done;
            Assert.Equal(text, DocumentEditor.SetTaskStatus(DocumentEditor.SetTaskStatus(text, task, other), task, task.Status));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Section_edits_either_work_or_say_section_not_found(string name)
    {
        var text = _junk[name];

        foreach (var section in new[] { "", "#", "Requirement 1", "A" })
        {
            try
            {
                var read = DocumentEditor.ReadSection(text, section);
                Assert.Contains(read, text, StringComparison.Ordinal);
                Assert.NotNull(DocumentEditor.ReplaceSection(text, section, "new\n"));
            }
            catch (KiroException error)
            {
                Assert.Equal("section_not_found", error.Code);
            }
        }
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20260817).NextBytes(bytes);
        return bytes;
    }
}
