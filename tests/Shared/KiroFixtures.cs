namespace Kiro.Mcp.Tests.Shared;

/// <summary>
/// The two corpora of Kiro files the tests run over, read in place (never copied into the output):
/// <list type="bullet">
/// <item><see cref="Own"/>: tests/Corpus/kiro, written for this repository to cover every shape the real
/// corpus shows; always there, so a fresh clone tests every parser.</item>
/// <item><see cref="Shared"/>: ../shared/fixtures/kiro beside the repository (as in CI), real files from
/// public repositories that must never be copied into the repo. Tests over it are skipped with
/// <see cref="SharedMissing"/> when it is not there.</item>
/// </list>
/// Linked into every test project by tests/Directory.Build.props.
/// </summary>
internal static class KiroFixtures
{
    public const string OwnName = "own";
    public const string SharedName = "shared";
    public const string SharedMissing = "../shared/fixtures/kiro not found beside the repository; the repository's own corpus in tests/Corpus ran instead";

    public static KiroCorpus Own { get; } = new(OwnName, FindOwn(), "tests/Corpus/kiro is missing from the repository");

    public static KiroCorpus Shared { get; } = new(SharedName, FindShared(), SharedMissing);

    public static KiroCorpus Named(string name) => name switch
    {
        OwnName => Own,
        SharedName => Shared,
        _ => throw new ArgumentException($"No corpus named '{name}'.", nameof(name)),
    };

    // The shared corpus's members as they were before the own corpus existed, for tests written against them.

    /// <summary>The shared corpus's folder (the test is skipped when it is absent).</summary>
    public static string Root => Shared.Root;

    /// <summary>Shared fixture files named like <paramref name="pattern"/> inside a folder called <paramref name="folder"/> (none when absent).</summary>
    public static IEnumerable<string> Files(string pattern, string folder) => Shared.Files(pattern, folder);

    public static string Read(string relative) => Shared.Read(relative);

    /// <summary>One row per corpus; the shared corpus's row is skipped, with the reason, when it is absent.</summary>
    public static TheoryData<string> Corpora()
    {
        var data = new TheoryData<string>();
        foreach (var corpus in new[] { Own, Shared })
        {
            data.Add(corpus.Present ? new TheoryDataRow<string>(corpus.Name) : new TheoryDataRow<string>(corpus.Name).WithSkip(corpus.MissingReason));
        }
        return data;
    }

    /// <summary>
    /// One row (corpus, item) per item <paramref name="select"/> finds in each corpus. An absent corpus
    /// gives a single skipped row, so the skip shows in the summary instead of the theory having no data.
    /// </summary>
    public static TheoryData<string, string> Each(Func<KiroCorpus, IEnumerable<string>> select)
    {
        var data = new TheoryData<string, string>();
        foreach (var corpus in new[] { Own, Shared })
        {
            if (!corpus.Present)
            {
                data.Add(new TheoryDataRow<string, string>(corpus.Name, "(absent)").WithSkip(corpus.MissingReason));
                continue;
            }
            foreach (var item in select(corpus))
            {
                data.Add(corpus.Name, item);
            }
        }
        return data;
    }

    /// <summary>Copies a fixture folder into a test's temporary workspace (fixtures are read-only).</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindOwn() =>
        Ancestors().Select(dir => Path.Combine(dir, "tests", "Corpus", "kiro")).FirstOrDefault(Directory.Exists)
        ?? throw new InvalidOperationException("tests/Corpus/kiro was not found above " + AppContext.BaseDirectory);

    private static string? FindShared() =>
        Ancestors().Select(dir => Path.Combine(dir, "shared", "fixtures", "kiro")).FirstOrDefault(Directory.Exists);

    private static IEnumerable<string> Ancestors()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
