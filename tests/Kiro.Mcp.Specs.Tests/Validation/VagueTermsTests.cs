using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Specs.Tests.Validation;

public class VagueTermsTests
{
    [Theory]
    [InlineData("THE Api SHALL respond fast", new[] { "fast" })]
    [InlineData("THE Api SHALL respond FAST", new[] { "fast" })]
    [InlineData("THE Api SHALL be fast enough", new[] { "fast enough" })]
    [InlineData("THE Api SHALL handle errors gracefully and be user-friendly, etc.", new[] { "gracefully", "user-friendly", "etc." })]
    [InlineData("THE Api SHALL accept a name and/or an email", new[] { "and/or" })]
    [InlineData("THE Api SHALL retry as appropriate", new[] { "as appropriate" })]
    [InlineData("THE Api SHALL be secure, secure and secure", new[] { "secure" })]
    [InlineData("THE Api SHALL log some errors for someone", new[] { "some" })]
    [InlineData("THE Api SHALL be high   performance", new[] { "high performance" })]
    public void Vague_words_and_phrases_are_found_once_each_in_order_of_appearance(string text, string[] expected)
    {
        Assert.Equal(expected, VagueTerms.Find(text));
    }

    [Theory]
    // Parts of other words, or hyphenated into other words.
    [InlineData("WHEN the branches allow a fast-forward merge, THE Workstation SHALL advance the pointer")]
    [InlineData("THE Kitchen SHALL serve breakfast to the steadfast")]
    [InlineData("THE Api SHALL reject non-secure connections")]
    // Inside code, a word is an identifier.
    [InlineData("WHEN the user passes `--fast`, THE Cli SHALL skip the `simple` checks")]
    [InlineData("WHEN ``some `odd` code`` runs, THE Cli SHALL exit with code 2")]
    // Measurable wording.
    [InlineData("WHEN the user saves, THE Editor SHALL store the note within 200 ms")]
    public void Words_that_are_not_vague_here_are_not_reported(string text)
    {
        Assert.Empty(VagueTerms.Find(text));
    }

    [Fact]
    public void Every_listed_term_is_found_in_a_sentence_and_reported_as_listed()
    {
        foreach (var term in VagueTerms.All)
        {
            Assert.Equal([term], VagueTerms.Find($"THE Api SHALL be {term.ToUpperInvariant()} today"));
        }
    }

    [Fact]
    public void The_list_is_lower_case_without_duplicates()
    {
        Assert.Equal(VagueTerms.All.Count, VagueTerms.All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(VagueTerms.All, t => Assert.Equal(t.ToLowerInvariant(), t));
    }

    [Theory]
    [InlineData("fast", "ms")]
    [InlineData("several", "exact number")]
    [InlineData("user-friendly", "observable behaviour")]
    [InlineData("etc.", "complete list")]
    public void Each_term_has_a_hint_with_a_measurable_alternative(string term, string expected)
    {
        Assert.Contains(expected, VagueTerms.Hint(term), StringComparison.Ordinal);
    }
}
