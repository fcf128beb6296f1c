using Kiro.Mcp.Steering.Documents;
using Kiro.Mcp.Steering.Matching;

namespace Kiro.Mcp.Steering.Tests.Matching;

/// <summary>
/// A steering file's globs come from the repository, so they are hostile input: a 75 KB pattern of
/// 15,000 "{a,b}" groups once drove steering_context to 4.5 GB. Now such a glob is a finding of its
/// document and matches nothing, at the cost of one pass over its text.
/// </summary>
public class PatternLimitTests
{
    private static readonly string Braces = "src/" + string.Concat(Enumerable.Repeat("{a,b}", 15_000)) + ".ts";

    [Fact]
    public void A_75_KB_brace_pattern_is_a_finding_of_its_document_and_costs_no_memory()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var frontMatter = FrontMatterParser.Parse($"---\ninclusion: fileMatch\nfileMatchPattern: \"{Braces}\"\n---\n# Braces\n");
        var match = new FileMatcher(frontMatter.Patterns).FirstMatch("src/aaaa.ts");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var finding = Assert.Single(frontMatter.Findings);
        Assert.Equal("pattern_too_complex", finding.Code);
        Assert.Contains("characters long", finding.Message, StringComparison.Ordinal);
        Assert.Null(match);
        // The text is 75 KB (150 KB as UTF-16); expanding it allocated gigabytes.
        Assert.InRange(allocated, 0, 20_000_000);
    }

    [Fact]
    public void A_pattern_under_the_length_limit_with_too_many_alternatives_is_a_finding()
    {
        var pattern = string.Concat(Enumerable.Repeat("{a,b}", 9)) + "/*.ts";

        var frontMatter = FrontMatterParser.Parse($"---\ninclusion: fileMatch\nfileMatchPattern: \"{pattern}\"\n---\n");

        var finding = Assert.Single(frontMatter.Findings);
        Assert.Equal("pattern_too_complex", finding.Code);
        Assert.Contains($"more than {FilePatterns.MaxAlternatives} alternatives", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_braces_count_multiplied()
    {
        // {a,b} inside each of 2 outer alternatives, times 2^7 outside: 4 * 128 = 512 > 256.
        Assert.NotNull(FilePatterns.Problem("{x{a,b},y{a,b}}" + string.Concat(Enumerable.Repeat("{c,d}", 7))));
        Assert.Null(FilePatterns.Problem("{x{a,b},y{a,b}}" + string.Concat(Enumerable.Repeat("{c,d}", 6))));
        Assert.Equal(256, FilePatterns.ExpandBraces("{x{a,b},y{a,b}}" + string.Concat(Enumerable.Repeat("{c,d}", 6))).Count);
    }

    [Fact]
    public void A_pattern_over_the_length_limit_is_a_finding_even_without_braces()
    {
        var pattern = string.Concat(Enumerable.Repeat("dir/", 250)) + "*.ts";

        var frontMatter = FrontMatterParser.Parse($"---\ninclusion: fileMatch\nfileMatchPattern: \"{pattern}\"\n---\n");

        Assert.True(pattern.Length > FilePatterns.MaxPatternLength);
        Assert.Equal("pattern_too_complex", Assert.Single(frontMatter.Findings).Code);
        Assert.Null(new FileMatcher(frontMatter.Patterns).FirstMatch(string.Concat(Enumerable.Repeat("dir/", 250)) + "a.ts"));
    }

    [Fact]
    public void A_long_run_of_dot_slashes_normalizes_in_one_cut()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var normalized = FilePatterns.Normalize(string.Concat(Enumerable.Repeat("./", 50_000)) + "src/a.ts");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("src/a.ts", normalized);
        // Cutting two characters at a time copied the rest each time: 5 GB for this input.
        Assert.InRange(allocated, 0, 2_000_000);
    }
}
