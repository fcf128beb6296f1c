using Kiro.Mcp.Hooks.Definitions;

namespace Kiro.Mcp.Hooks.Tests;

/// <summary>
/// The hook files of both corpora (tests/Corpus/kiro, and ../shared/fixtures/kiro when it is beside the
/// repository), read in place at test time.
/// </summary>
public static class FixtureHooks
{
    /// <summary>Hook files of <paramref name="corpus"/>, relative to it; none when it is absent.</summary>
    public static IReadOnlyList<string> Files(string corpus) =>
        KiroFixtures.Named(corpus).Files("*", "hooks")
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "hooks" && HookFileReader.IsHookFile(Path.GetFileName(p)))
            .ToList();

    /// <summary>(corpus, file) for every hook file of both corpora.</summary>
    public static TheoryData<string, string> All() => KiroFixtures.Each(corpus => Files(corpus.Name));

    public static string Read(string corpus, string relative) => KiroFixtures.Named(corpus).Read(relative);
}
