using System.Globalization;
using Kiro.Mcp.Steering.Generation.Analysis;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Kiro.Mcp.Steering.Generation.Analysis.Manifests;

namespace Kiro.Mcp.Steering.Generation.Rendering;

/// <summary>tech.md in Kiro's shape: the stack per ecosystem, infrastructure, then "Common Commands".</summary>
public static class TechRenderer
{
    private const int MaxDependencies = 30;
    private const int MaxRunnable = 12;

    public static RenderedDocument Render(WorkspaceFacts facts)
    {
        var text = new MarkdownText();
        text.Heading(1, "Technology Stack");
        if (facts.DotNet.Projects.Count > 0)
        {
            DotNet(text, facts.DotNet);
        }
        foreach (var group in facts.Manifests.Ecosystems.GroupBy(e => e.Ecosystem).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Heading(2, group.Key);
            foreach (var manifest in group)
            {
                Ecosystem(text, manifest);
            }
        }
        Infrastructure(text, facts.Manifests.Tooling);
        if (facts.DotNet.Projects.Count == 0 && facts.Manifests.Ecosystems.Count == 0)
        {
            text.Paragraph("No project manifest was found (no .NET project, package.json, pyproject.toml, go.mod, Cargo.toml, pom.xml, build.gradle, Gemfile or composer.json).");
        }
        Commands(text, facts);
        return new RenderedDocument(text.ToString(), []);
    }

    private static void DotNet(MarkdownText text, DotNetFacts dotNet)
    {
        text.Heading(2, ".NET");
        if (dotNet.SdkVersion is not null)
        {
            text.Bullet($"**SDK**: {dotNet.SdkVersion} ({MarkdownText.Inline(dotNet.SdkVersionFile ?? "global.json")})");
        }
        if (dotNet.Solutions.Count > 0)
        {
            text.Bullet($"**Solution{(dotNet.Solutions.Count == 1 ? "" : "s")}**: {string.Join(", ", dotNet.Solutions.Select(MarkdownText.Inline))}");
        }
        var frameworks = dotNet.Projects.SelectMany(p => p.TargetFrameworks).Distinct().Order(StringComparer.Ordinal).ToList();
        if (frameworks.Count > 0)
        {
            text.Bullet($"**Target framework{(frameworks.Count == 1 ? "" : "s")}**: {string.Join(", ", frameworks)}");
        }
        text.Bullet($"**Languages**: {string.Join(", ", dotNet.Projects.Select(p => p.Language).Distinct().Order(StringComparer.Ordinal))}");
        text.Bullet($"**Projects**: {Count(dotNet.Projects.Count)} ({Count(dotNet.Projects.Count(p => p.IsTest))} test)");
        if (dotNet.CentralPackageManagement)
        {
            text.Bullet("**Package versions**: central package management (`Directory.Packages.props`)");
        }
        text.Bullet("**Analysis**: " + dotNet.Analysis switch
        {
            "msbuild" => "MSBuild evaluation of every project (Roslyn MSBuildWorkspace)",
            "mixed" => "MSBuild for some projects, the project files' XML for the rest",
            _ => "the project files' XML only, so conditions and imports beyond Directory.Build.props were not evaluated",
        });
        // MSBuild's diagnostics (and why it did not run) are for the user, in the tool's notes: this document is
        // included in every conversation, where raw build errors would only cost tokens and mislead.

        text.Heading(3, "Projects");
        text.Table(["Project", "Kind", "Target", "Path"], dotNet.Projects
            .OrderBy(p => p.IsTest).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (IReadOnlyList<string>)[p.Name, Kind(p), string.Join(", ", p.TargetFrameworks), MarkdownText.Inline(p.Path)]));

        var packages = dotNet.Projects
            .Where(p => !p.IsTest)
            .SelectMany(p => p.Packages.Select(d => (Package: d, Project: p.Name)))
            .GroupBy(x => x.Package.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (packages.Count > 0)
        {
            text.Heading(3, "Key Packages");
            foreach (var package in packages.Take(MaxDependencies))
            {
                var versions = string.Join(", ", package.Select(x => x.Package.Version).OfType<string>().Distinct().Order(StringComparer.Ordinal));
                var users = string.Join(", ", package.Select(x => x.Project).Distinct().Order(StringComparer.Ordinal));
                text.Bullet($"**{package.Key}**{(versions.Length == 0 ? "" : " " + versions)} ({users})");
            }
            More(text, packages.Count);
        }

        var tests = dotNet.Projects.Where(p => p.IsTest).ToList();
        if (tests.Count > 0)
        {
            text.Heading(3, "Testing");
            foreach (var framework in tests.GroupBy(p => p.TestFramework ?? "unknown framework").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var packagesOf = framework.SelectMany(p => p.Packages).Where(d => TestPackage(d.Name)).Select(d => d.ToString()).Distinct().Order(StringComparer.Ordinal);
                text.Bullet($"**{framework.Key}** ({string.Join(", ", packagesOf)}): {string.Join(", ", framework.Select(p => p.Name).Order(StringComparer.Ordinal))}");
            }
        }
    }

    private static void Ecosystem(MarkdownText text, EcosystemFacts manifest)
    {
        text.Heading(3, MarkdownText.Inline(manifest.Manifest) + (manifest.Name is null ? "" : $" ({manifest.Name})"));
        foreach (var (key, value) in manifest.Facts)
        {
            text.Bullet($"**{key}**: {value}");
        }
        Dependencies(text, "Dependencies", manifest.Dependencies);
        Dependencies(text, "Development dependencies", manifest.DevDependencies);
    }

    private static void Dependencies(MarkdownText text, string title, IReadOnlyList<Dependency> dependencies)
    {
        if (dependencies.Count == 0)
        {
            return;
        }
        var shown = string.Join(", ", dependencies.Take(MaxDependencies).Select(d => d.ToString()));
        var more = dependencies.Count > MaxDependencies ? $", and {Count(dependencies.Count - MaxDependencies)} more" : "";
        text.Bullet($"**{title}**: {shown}{more}");
    }

    private static void Infrastructure(MarkdownText text, ToolingFacts tooling)
    {
        if (tooling.Dockerfiles.Count == 0 && tooling.ComposeFiles.Count == 0 && tooling.Workflows.Count == 0)
        {
            return;
        }
        text.Heading(2, "Infrastructure");
        foreach (var docker in tooling.Dockerfiles)
        {
            var ports = docker.Ports.Count == 0 ? "" : $"; exposes {string.Join(", ", docker.Ports)}";
            text.Bullet($"**Container**: {MarkdownText.Inline(docker.Path)} (from {string.Join(", ", docker.BaseImages)}{ports})");
        }
        foreach (var compose in tooling.ComposeFiles)
        {
            text.Bullet($"**Compose**: {MarkdownText.Inline(compose)}");
        }
        foreach (var workflow in tooling.Workflows)
        {
            var name = workflow.Name is null ? "" : $" \"{workflow.Name}\"";
            text.Bullet($"**CI**: GitHub Actions {MarkdownText.Inline(workflow.Path)}{name} (on {string.Join(", ", workflow.Triggers)})");
        }
    }

    private static void Commands(MarkdownText text, WorkspaceFacts facts)
    {
        var blocks = new List<(string Title, List<string> Lines)>();
        var dotNet = facts.DotNet;
        if (dotNet.Projects.Count > 0)
        {
            var target = dotNet.Solutions.Count == 1 ? " " + dotNet.Solutions[0] : "";
            var lines = new List<string> { $"dotnet build{target}" };
            if (dotNet.Projects.Any(p => p.IsTest))
            {
                lines.Add($"dotnet test{target}");
            }
            var runnable = dotNet.Projects.Where(p => !p.IsTest && p.OutputKind is "exe" or "winexe").OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
            lines.AddRange(runnable.Take(MaxRunnable).Select(p => "dotnet run --project " + (RepositoryFiles.Folder(p.Path) is { Length: > 0 } folder ? folder : p.Path)));
            blocks.Add((".NET", lines));
        }
        foreach (var group in facts.Manifests.Ecosystems.SelectMany(e => e.Commands).Concat(facts.Manifests.Tooling.MakeTargets).GroupBy(c => c.Group))
        {
            blocks.Add((group.Key, group.Select(c => c.Comment is null ? c.Command : $"{c.Command}   # {OneLine(c.Comment)}").ToList()));
        }
        foreach (var workflow in facts.Manifests.Tooling.Workflows.Where(w => w.Commands.Count > 0))
        {
            blocks.Add(($"CI ({workflow.Path})", workflow.Commands.ToList()));
        }
        if (facts.Manifests.Tooling.Scripts.Count > 0)
        {
            blocks.Add(("Scripts", facts.Manifests.Tooling.Scripts.ToList()));
        }
        if (blocks.Count == 0)
        {
            return;
        }
        text.Heading(2, "Common Commands");
        foreach (var (title, lines) in blocks)
        {
            text.Heading(3, title);
            text.Code("bash", lines);
        }
    }

    private static string Kind(DotNetProject project) => project.IsTest
        ? $"tests ({project.TestFramework ?? "unknown framework"})"
        : project.OutputKind switch
        {
            "exe" when project.Sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) => "web app",
            "exe" => "executable",
            "winexe" => "windows app",
            _ => "library",
        };

    private static bool TestPackage(string name) =>
        name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase) || name.StartsWith("NUnit", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MSTest", StringComparison.OrdinalIgnoreCase) || name.StartsWith("TUnit", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase);

    private static void More(MarkdownText text, int total)
    {
        if (total > MaxDependencies)
        {
            text.Bullet($"… and {Count(total - MaxDependencies)} more");
        }
    }

    private static string OneLine(string text)
    {
        var line = text.Replace('\n', ' ').Trim();
        return line.Length <= 100 ? line : line[..97] + "...";
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
