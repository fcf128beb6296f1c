using System.Text.RegularExpressions;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Service;

namespace Kiro.Mcp.Specs.Tests.Service;

/// <summary>
/// The assistant reads our messages word for word, and so does the user it quotes them to: a
/// grammatical slip is a visible defect. These scan every message template in src/ for the
/// slips that have shipped before.
/// </summary>
public partial class WordingTests
{
    // Nouns our messages use in the plural; "Does the requirements" was the original slip.
    private static readonly HashSet<string> Plurals = ["requirements", "tasks", "documents", "specs", "hooks", "criteria", "files", "steering documents"];

    [Fact]
    public void Review_questions_agree_in_number_with_their_document()
    {
        Assert.Equal("Do the requirements look good?", SpecProgress.ReviewQuestion(DocumentKind.Requirements));
        Assert.Equal("Do the tasks look good?", SpecProgress.ReviewQuestion(DocumentKind.Tasks));
        Assert.Equal("Does the design look good?", SpecProgress.ReviewQuestion(DocumentKind.Design));
    }

    [Fact]
    public void No_message_template_in_src_asks_does_the_plural_or_do_the_singular()
    {
        var slips = new List<string>();
        foreach (var (file, line, text) in SourceLines())
        {
            foreach (Match m in DoesThe().Matches(text))
            {
                var verb = m.Groups[1].Value;
                var noun = m.Groups[2].Value.ToLowerInvariant();
                var plural = Plurals.Contains(noun);
                if (verb.Equals("Does", StringComparison.OrdinalIgnoreCase) == plural)
                {
                    slips.Add($"{file}:{line}: '{m.Value}'");
                }
            }
        }
        Assert.Empty(slips);
    }

    [Fact]
    public void No_message_splices_a_capitalised_sentence_after_then_or_repeats_the_line_a_finding_already_carries()
    {
        var slips = new List<string>();
        foreach (var (file, line, text) in SourceLines())
        {
            // "…; then {next.NextStep}" gave "then All required tasks are done."
            if (ThenSentence().IsMatch(text))
            {
                slips.Add($"{file}:{line}: 'then' followed by an interpolated sentence");
            }
            // Findings carry their line; a message that starts "Line {n}" is printed as "line 9: Line 9 …".
            if (FindingStartsWithLine().IsMatch(text))
            {
                slips.Add($"{file}:{line}: a finding message starting with its own line number");
            }
        }
        Assert.Empty(slips);
    }

    private static IEnumerable<(string File, int Line, string Text)> SourceLines()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                yield return (Path.GetRelativePath(src, file), i + 1, lines[i]);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiro.Mcp.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Kiro.Mcp.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(Does|Do) the ([a-z]+(?: documents)?) look", RegexOptions.IgnoreCase)]
    private static partial Regex DoesThe();

    [GeneratedRegex(@"\bthen \{[^}]*(NextStep|Next|Message)\b")]
    private static partial Regex ThenSentence();

    [GeneratedRegex(@"^\s*\$""Line \{")]
    private static partial Regex FindingStartsWithLine();
}
