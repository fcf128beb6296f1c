using Kiro.Mcp.Steering.Documents;

namespace Kiro.Mcp.Steering.Tests.Documents;

/// <summary>
/// Every steering file of both corpora parses cleanly, and known ones parse to what they say. The files of
/// ../shared are checked when it is beside the repository and skipped otherwise; our own corpus always runs.
/// </summary>
public class FixtureSteeringTests
{
    public static TheoryData<string, string> Files => FixturePaths.SteeringFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_fixture_steering_file_parses_without_findings(string corpus, string relative)
    {
        var text = FixturePaths.Read(corpus, relative);
        var parsed = FrontMatterParser.Parse(text);
        Assert.Empty(parsed.Findings);
        Assert.Equal(parsed.Inclusion == Inclusion.FileMatch, parsed.Patterns.Count > 0);
        // The body never starts inside the front matter.
        Assert.False(text[parsed.BodyStart..].TrimStart().StartsWith("inclusion:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public void The_fixtures_have_at_least_one_file_of_each_inclusion_mode(string corpus)
    {
        var fixtures = KiroFixtures.Named(corpus);
        var modes = fixtures.Files("*.md", "steering").Select(file => FrontMatterParser.Parse(fixtures.Read(file)).Inclusion).ToHashSet();
        Assert.Equal(Enum.GetValues<Inclusion>().ToHashSet(), modes);
    }

    [Theory]
    [InlineData("mathisen99__BetterKiroPrompts/.kiro/steering/quality-go.md", Inclusion.FileMatch, new[] { "**/*.go" })]
    [InlineData("PhiBao__between/.kiro/steering/privacy-and-safety.md", Inclusion.FileMatch, new[] { "src/lib/ai/**/*.ts", "src/lib/safety/**/*.ts", "src/app/actions.ts", "src/app/api/**/*.ts" })]
    [InlineData("lancejanocha__kb-pong/.kiro/steering/zustand.md", Inclusion.FileMatch, new[] { "src/app/store*", "src/**/*.tsx" })]
    [InlineData("486__kiro-aa-demo-01/.kiro/steering/diary.md", Inclusion.Manual, new string[0])]
    [InlineData("kirodotdev__spirit-of-kiro/.kiro/steering/tech.md", Inclusion.Always, new string[0])]
    public void Known_fixture_files_parse_to_their_modes_and_patterns(string relative, Inclusion inclusion, string[] patterns)
    {
        var parsed = FrontMatterParser.Parse(KiroFixtures.Shared.Read(relative.Replace('/', Path.DirectorySeparatorChar)));
        Assert.Equal(inclusion, parsed.Inclusion);
        Assert.Equal(patterns, parsed.Patterns);
    }

    [Fact]
    public void An_auto_fixture_has_its_name_and_description()
    {
        var parsed = FrontMatterParser.Parse(KiroFixtures.Shared.Read(Path.Join("lancejanocha__kb-pong", ".kiro", "steering", "powerups.md")));
        Assert.Equal(Inclusion.Auto, parsed.Inclusion);
        Assert.Equal("powerups", parsed.Name);
        Assert.Equal("Powerup design, implementation, eligibility, balancing, and testing for Pong and Breakout modes.", parsed.Description);
    }

    [Theory]
    // fileMatchPattern as a string, a comma-separated list and an array.
    [InlineData("ledger-sync/.kiro/steering/typescript.md", Inclusion.FileMatch, new[] { "src/**/*.ts" })]
    [InlineData("ledger-sync/.kiro/steering/web.md", Inclusion.FileMatch, new[] { "**/*.tsx", "**/*.css", "web/index.html" })]
    [InlineData("ledger-sync/.kiro/steering/api.md", Inclusion.FileMatch, new[] { "packages/api/**/*.ts", "openapi.yaml", "packages/api/src/routes/*" })]
    [InlineData("fenster-app/.kiro/steering/tests.md", Inclusion.FileMatch, new[] { "**/*.test.ts", "vitest.config.ts" })]
    // Manual after a BOM; always written out, after a BOM in CRLF, and by default without front matter.
    [InlineData("ledger-sync/.kiro/steering/release.md", Inclusion.Manual, new string[0])]
    [InlineData("ledger-sync/.kiro/steering/conventions.md", Inclusion.Always, new string[0])]
    [InlineData("fenster-app/.kiro/steering/produkt.md", Inclusion.Always, new string[0])]
    [InlineData("tidy-notes/.kiro/steering/tech.md", Inclusion.Always, new string[0])]
    public void Our_corpus_files_parse_to_their_modes_and_patterns(string relative, Inclusion inclusion, string[] patterns)
    {
        var text = KiroFixtures.Own.Read(relative.Replace('/', Path.DirectorySeparatorChar));
        var parsed = FrontMatterParser.Parse(text);
        Assert.Equal(inclusion, parsed.Inclusion);
        Assert.Equal(patterns, parsed.Patterns);
        Assert.StartsWith("#", text[parsed.BodyStart..].TrimStart('\uFEFF', '\r', '\n'));
    }

    [Theory]
    [InlineData("ledger-sync/.kiro/steering/bank-formats.md", "bank-formats", "How each bank writes its CSV and OFX statements: columns, date formats, decimal commas. Use when reading or adding a statement parser.")]
    [InlineData("juegos/.kiro/steering/accesibilidad.md", "accesibilidad", "Reglas de accesibilidad para los juegos (teclado, contraste, lectores de pantalla). Úsalo al crear o cambiar la interfaz de un juego.")]
    public void Our_auto_files_have_their_name_and_description(string relative, string name, string description)
    {
        var parsed = FrontMatterParser.Parse(KiroFixtures.Own.Read(relative.Replace('/', Path.DirectorySeparatorChar)));
        Assert.Equal(Inclusion.Auto, parsed.Inclusion);
        Assert.Equal(name, parsed.Name);
        Assert.Equal(description, parsed.Description);
    }
}
