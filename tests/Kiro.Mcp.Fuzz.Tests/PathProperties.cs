using CsCheck;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Fuzz.Tests;

/// <summary>
/// <see cref="WorkspaceRoot.Resolve"/> never hands out a path outside the root, whatever the spelling:
/// parent segments, absolute paths, drive letters, encoded dots, NUL, look-alike characters, and a link
/// inside the workspace that leads out.
/// </summary>
public sealed class PathProperties : IDisposable
{
    private static readonly Gen<string> Segment = Gen.OneOf(
        "..", ".", "a", "b", "docs", "link", "inner", "", " ", "...", "%2e%2e", "..%2f", "\0", "C:", "c:\\", "~", "\u2024\u2024", "\uFF0E\uFF0E",
        "con", "a:b", "/", "\\", "//", "\\\\?\\", "x\u0000y", ".kiro", "link/..", "...\\..");

    private static readonly Gen<string> RelativePath = Gen.Select(Segment.Array[0, 8], Gen.OneOf("/", "\\"), Gen.Bool,
        (segments, separator, rooted) => (rooted ? separator : "") + string.Join(separator, segments));

    private readonly string _parent = Directory.CreateTempSubdirectory("kiro-mcp-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact]
    public void Resolve_never_resolves_outside_the_root()
    {
        var root = Path.Combine(_parent, "workspace");
        Directory.CreateDirectory(Path.Combine(root, "a", "inner"));
        Directory.CreateDirectory(Path.Combine(_parent, "outside"));
        File.WriteAllText(Path.Combine(_parent, "outside", "secret"), "secret");
        // A link inside the workspace that leads out of it, and one that stays inside.
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), Path.Combine(_parent, "outside"));
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "b"), Path.Combine(root, "a", "inner"));
        var workspace = new WorkspaceRoot(root);
        var full = workspace.FullPath;

        RelativePath.Sample(relative =>
        {
            string resolved;
            try
            {
                resolved = workspace.Resolve(relative);
            }
            catch (KiroException)
            {
                return;
            }
            catch (ArgumentException)
            {
                return;
            }
            var normalized = Path.GetFullPath(resolved);
            Assert.True(normalized == full || normalized.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"'{relative}' resolved to {normalized}");
            Assert.True(RealPath(normalized).StartsWith(RealPath(full), StringComparison.Ordinal), $"'{relative}' leads through a link to {RealPath(normalized)}");
        }, iter: FuzzBudget.Iterations, seed: FuzzBudget.Seed, threads: 1);
    }

    /// <summary>The path with every existing link along it followed (the part that does not exist yet kept as it is).</summary>
    private static string RealPath(string path)
    {
        var existing = path;
        var rest = "";
        while (!Path.Exists(existing) && Path.GetDirectoryName(existing) is { } up)
        {
            rest = Path.Join(Path.GetFileName(existing), rest);
            existing = up;
        }
        var real = existing;
        var parts = existing.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(existing) ?? "/";
        foreach (var part in parts)
        {
            current = Path.Join(current, part);
            if (new FileInfo(current).LinkTarget is not null)
            {
                current = new FileInfo(current).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? current;
            }
        }
        real = current;
        return rest.Length == 0 ? real : Path.Join(real, rest);
    }
}
