using System.Globalization;
using Kiro.Mcp.Steering.Generation.Analysis;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet;

namespace Kiro.Mcp.Steering.Generation.Rendering;

/// <summary>structure.md: the folder tree, the .NET project layers, entry points, namespaces and key types, recent activity.</summary>
public static class StructureRenderer
{
    private const int MaxRootEntries = 40;
    private const int MaxChildren = 15;
    private const int MaxNamespaces = 12;
    private const int MaxEndpoints = 40;

    public static RenderedDocument Render(WorkspaceFacts facts)
    {
        var text = new MarkdownText();
        text.Heading(1, "Project Structure");
        text.Heading(2, "Root Directory");
        text.Code("", Tree(facts.Files));
        if (facts.Files.Truncated)
        {
            text.Paragraph($"The workspace has more than {RepositoryScanner.MaxFiles.ToString(CultureInfo.InvariantCulture)} files; counts cover the first ones only.");
        }
        if (facts.DotNet.Projects.Count > 0)
        {
            DotNet(text, facts.DotNet);
        }
        Conventions(text, facts);
        if (facts.Git is { ActiveFolders.Count: > 0 } git)
        {
            text.Heading(2, "Recent Activity");
            text.Paragraph($"Folders touched by the most commits in the {git.RecentDays.ToString(CultureInfo.InvariantCulture)} days before the latest commit:");
            foreach (var folder in git.ActiveFolders)
            {
                text.Bullet($"{MarkdownText.Inline(folder.Folder)}: {folder.Commits.ToString(CultureInfo.InvariantCulture)} commit{(folder.Commits == 1 ? "" : "s")}");
            }
        }
        return new RenderedDocument(text.ToString(), []);
    }

    /// <summary>Two levels of folders with file counts and the main extensions; files at the root by name.</summary>
    internal static List<string> Tree(RepositoryFiles files)
    {
        var lines = new List<string> { "." };
        var top = files.Files.GroupBy(f => f.Split('/')[0]).ToList();
        var folders = top.Where(g => g.Any(f => f.Contains('/', StringComparison.Ordinal))).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var rootFiles = top.Where(g => !g.Any(f => f.Contains('/', StringComparison.Ordinal))).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var entries = folders.Select(f => (Name: f.Key, Files: (IReadOnlyList<string>?)f.ToList())).Concat(rootFiles.Select(f => (Name: f, Files: (IReadOnlyList<string>?)null))).ToList();
        for (var i = 0; i < entries.Count && i < MaxRootEntries; i++)
        {
            var last = i == entries.Count - 1 || i == MaxRootEntries - 1;
            var (name, inside) = entries[i];
            if (inside is null)
            {
                lines.Add($"{(last ? "└── " : "├── ")}{name}");
                continue;
            }
            lines.Add($"{(last ? "└── " : "├── ")}{name}/   # {Summary(inside)}");
            var children = inside.Where(f => f.Count(c => c == '/') >= 2).GroupBy(f => f.Split('/')[1]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            for (var j = 0; j < children.Count && j < MaxChildren; j++)
            {
                var lastChild = j == children.Count - 1 || j == MaxChildren - 1;
                var more = lastChild && children.Count > MaxChildren ? $" (and {(children.Count - MaxChildren).ToString(CultureInfo.InvariantCulture)} more folders)" : "";
                lines.Add($"{(last ? "    " : "│   ")}{(lastChild ? "└── " : "├── ")}{children[j].Key}/   # {Summary(children[j].ToList())}{more}");
            }
        }
        if (entries.Count > MaxRootEntries)
        {
            lines.Add($"    … {(entries.Count - MaxRootEntries).ToString(CultureInfo.InvariantCulture)} more entries");
        }
        return lines;
    }

    private static string Summary(IReadOnlyList<string> files)
    {
        var extensions = files
            .Select(f => Path.GetExtension(RepositoryFiles.FileName(f)))
            .Where(e => e.Length > 0)
            .GroupBy(e => e.ToLowerInvariant())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(3)
            .Select(g => $"{g.Key} {g.Count().ToString(CultureInfo.InvariantCulture)}");
        var count = files.Count.ToString(CultureInfo.InvariantCulture);
        var kinds = string.Join(", ", extensions);
        return $"{count} file{(files.Count == 1 ? "" : "s")}{(kinds.Length == 0 ? "" : $" ({kinds})")}";
    }

    private static void DotNet(MarkdownText text, DotNetFacts dotNet)
    {
        var byPath = dotNet.Projects.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var layers = Layers(dotNet.Projects, byPath);
        text.Heading(2, ".NET Projects and Layers");
        text.Paragraph("Layer 0 references no other project; each project sits one layer above the highest project it references.");
        foreach (var layer in layers.Where(l => !byPath[l.Key].IsTest).GroupBy(l => l.Value).OrderBy(g => g.Key))
        {
            text.Bullet($"**Layer {layer.Key.ToString(CultureInfo.InvariantCulture)}**");
            foreach (var project in layer.Select(l => byPath[l.Key]).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                text.Bullet(Describe(project, byPath), 1);
            }
        }
        var tests = dotNet.Projects.Where(p => p.IsTest).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (tests.Count > 0)
        {
            text.Bullet("**Tests**");
            foreach (var project in tests)
            {
                text.Bullet(Describe(project, byPath), 1);
            }
        }
        var cycles = layers.Where(l => l.Value < 0).Select(l => byPath[l.Key].Name).Order(StringComparer.Ordinal).ToList();
        if (cycles.Count > 0)
        {
            text.Paragraph($"Project references form a cycle through: {string.Join(", ", cycles)}.");
        }

        var entries = dotNet.Projects.SelectMany(p => p.Code.EntryPoints.Select(e => (Project: p, Entry: e))).OrderBy(x => x.Entry.File, StringComparer.Ordinal).ToList();
        if (entries.Count > 0)
        {
            text.Heading(3, "Entry Points");
            foreach (var (project, entry) in entries)
            {
                text.Bullet($"{MarkdownText.Inline(entry.File)} ({entry.Kind}) in {project.Name}");
            }
        }
        var endpoints = dotNet.Projects.SelectMany(p => p.Code.Endpoints).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal).ToList();
        if (endpoints.Count > 0)
        {
            text.Heading(3, "HTTP Endpoints");
            foreach (var endpoint in endpoints.Take(MaxEndpoints))
            {
                var route = endpoint.Route.Length == 0 ? "" : " " + (endpoint.Route == "(computed)" ? "(route computed at run time)" : MarkdownText.Inline(endpoint.Route));
                text.Bullet($"{endpoint.Method}{route} ({MarkdownText.Inline(endpoint.File)})");
            }
            if (endpoints.Count > MaxEndpoints)
            {
                text.Bullet($"… and {(endpoints.Count - MaxEndpoints).ToString(CultureInfo.InvariantCulture)} more");
            }
        }
        var withCode = dotNet.Projects.Where(p => p.Code.Namespaces.Count > 0 && !p.IsTest).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (withCode.Count > 0)
        {
            text.Heading(3, "Namespaces and Key Types");
            // A second project built from the same sources (markdig's signed build) would repeat the whole list.
            var described = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var project in withCode)
            {
                text.Heading(4, $"{project.Name} ({project.Code.Files.ToString(CultureInfo.InvariantCulture)} source files)");
                var signature = Signature(project.Code);
                if (described.TryGetValue(signature, out var same))
                {
                    text.Bullet($"The same sources as {same}.");
                    continue;
                }
                described[signature] = project.Name;
                var namespaces = project.Code.Namespaces.OrderByDescending(n => n.Types).ThenBy(n => n.Name, StringComparer.Ordinal).Take(MaxNamespaces).OrderBy(n => n.Name, StringComparer.Ordinal);
                foreach (var ns in namespaces)
                {
                    text.Bullet($"{MarkdownText.Inline(ns.Name)} ({ns.Types.ToString(CultureInfo.InvariantCulture)} type{(ns.Types == 1 ? "" : "s")}): {string.Join(", ", ns.KeyTypes)}");
                }
                if (project.Code.Namespaces.Count > MaxNamespaces)
                {
                    text.Bullet($"… and {(project.Code.Namespaces.Count - MaxNamespaces).ToString(CultureInfo.InvariantCulture)} smaller namespaces");
                }
            }
        }
    }

    private static string Signature(DotNetCode code) =>
        string.Join('\n', code.Namespaces.Select(n => $"{n.Name}|{n.Types.ToString(CultureInfo.InvariantCulture)}|{string.Join(',', n.KeyTypes)}"))
        + "\n" + code.Files.ToString(CultureInfo.InvariantCulture);

    private static string Describe(DotNetProject project, Dictionary<string, DotNetProject> byPath)
    {
        var references = project.ProjectReferences.Select(r => byPath.TryGetValue(r, out var target) ? target.Name : r).Order(StringComparer.Ordinal).ToList();
        var arrow = references.Count == 0 ? "" : " → " + string.Join(", ", references);
        return $"{project.Name} ({MarkdownText.Inline(RepositoryFiles.Folder(project.Path) is { Length: > 0 } folder ? folder + "/" : project.Path)}){arrow}";
    }

    /// <summary>Each project's layer: 0 without references, else 1 + the highest layer it references; -1 inside a cycle.</summary>
    internal static Dictionary<string, int> Layers(IReadOnlyList<DotNetProject> projects, Dictionary<string, DotNetProject> byPath)
    {
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        int Visit(string path)
        {
            if (layers.TryGetValue(path, out var known))
            {
                return known;
            }
            if (!visiting.Add(path))
            {
                return -1;
            }
            var layer = 0;
            foreach (var reference in byPath[path].ProjectReferences.Where(byPath.ContainsKey))
            {
                var below = Visit(reference);
                layer = below < 0 || layer < 0 ? -1 : Math.Max(layer, below + 1);
            }
            visiting.Remove(path);
            layers[path] = layer;
            return layer;
        }
        foreach (var project in projects)
        {
            Visit(project.Path);
        }
        return layers;
    }

    private static void Conventions(MarkdownText text, WorkspaceFacts facts)
    {
        var bullets = new List<string>();
        var tests = facts.DotNet.Projects.Where(p => p.IsTest).ToList();
        foreach (var suffix in new[] { ".Tests", ".UnitTests", ".Test", ".Specs" })
        {
            if (tests.Count > 1 && tests.All(p => p.Name.EndsWith(suffix, StringComparison.Ordinal)))
            {
                bullets.Add($"Test projects are named `<Project>{suffix}`.");
                break;
            }
        }
        var testFolders = tests.Select(p => p.Path.Split('/')[0]).Distinct().ToList();
        if (tests.Count > 1 && testFolders.Count == 1 && tests.All(p => p.Path.Contains('/', StringComparison.Ordinal)))
        {
            bullets.Add($"Test projects live under {MarkdownText.Inline(testFolders[0] + "/")}.");
        }
        var sources = facts.DotNet.Projects.Where(p => !p.IsTest).Select(p => p.Path.Split('/')[0]).Distinct().ToList();
        if (facts.DotNet.Projects.Count(p => !p.IsTest) > 1 && sources.Count == 1 && facts.DotNet.Projects.Where(p => !p.IsTest).All(p => p.Path.Contains('/', StringComparison.Ordinal)))
        {
            bullets.Add($"Application and library projects live under {MarkdownText.Inline(sources[0] + "/")}.");
        }
        var names = facts.DotNet.Projects.Select(p => p.Name).ToList();
        if (names.Count > 2)
        {
            var prefix = names.Aggregate((a, b) => CommonPrefix(a, b));
            var dot = prefix.LastIndexOf('.');
            if (dot > 0)
            {
                bullets.Add($"Project names share the prefix {MarkdownText.Inline(prefix[..(dot + 1)])}.");
            }
        }
        if (facts.Files.Contains(".editorconfig"))
        {
            bullets.Add("Code style is set in `.editorconfig`.");
        }
        if (bullets.Count == 0)
        {
            return;
        }
        text.Heading(2, "Conventions (observed)");
        foreach (var bullet in bullets)
        {
            text.Bullet(bullet);
        }
    }

    private static string CommonPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }
        return a[..length];
    }
}
