namespace Kiro.Mcp.Tests.Shared;

/// <summary>
/// One folder of Kiro workspaces laid out as <c>&lt;workspace&gt;/.kiro/{specs,steering,hooks}</c>, read in
/// place at test time. A corpus that is not there (../shared on a fresh clone) has no files, and a
/// test that reaches for its <see cref="Root"/> is skipped with the reason given here.
/// </summary>
internal sealed class KiroCorpus(string name, string? root, string missingReason)
{
    public string Name => name;

    public bool Present => root is not null;

    public string MissingReason => missingReason;

    /// <summary>The corpus folder; the calling test is skipped (visibly, with <see cref="MissingReason"/>) when it is absent.</summary>
    public string Root
    {
        get
        {
            if (root is null)
            {
                Assert.Skip(missingReason);
            }
            return root;
        }
    }

    /// <summary>Files named like <paramref name="pattern"/> inside a folder called <paramref name="folder"/>, relative to <see cref="Root"/>, in a stable order; none when the corpus is absent.</summary>
    public IEnumerable<string> Files(string pattern, string folder) => root is null ? [] :
        Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Where(p => p.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(root, p))
            .Order(StringComparer.Ordinal);

    /// <summary>The workspaces (top-level folders) that have <c>.kiro/&lt;kiroFolder&gt;</c>, as full paths; none when the corpus is absent.</summary>
    public IEnumerable<string> Workspaces(string kiroFolder) => root is null ? [] :
        Directory.GetDirectories(root)
            .Where(w => Directory.Exists(Path.Combine(w, ".kiro", kiroFolder)))
            .Order(StringComparer.Ordinal);

    public string FullPath(string relative) => Path.Join(Root, relative);

    public string Read(string relative) => File.ReadAllText(FullPath(relative));

    public byte[] ReadBytes(string relative) => File.ReadAllBytes(FullPath(relative));

    public override string ToString() => name;
}
