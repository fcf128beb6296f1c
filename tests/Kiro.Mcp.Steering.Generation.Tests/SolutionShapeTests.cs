using Kiro.Mcp.Steering.Generation.Service;

namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>
/// Shapes of real solutions that steering generation got wrong: serilog's core library (MSBuild loads it with no
/// documents), MSBuild's error text in tech.md, markdig's src/global.json, and markdig's signed build of the same sources.
/// </summary>
public class SolutionShapeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A project MSBuild loads but cannot compute the sources of: it imports .targets that define no Compile target.</summary>
    private static SampleRepository ProjectWithoutCompileTarget() => new SampleRepository()
        .Write("Core.sln", Samples.Sln(("Core", "src/Core/Core.csproj")))
        .Write("build/Custom.targets", "<Project>\n  <Target Name=\"Build\" />\n</Project>\n")
        .Write("src/Core/Core.csproj", "<Project>\n  <Import Project=\"../../build/Custom.targets\" />\n</Project>\n")
        .Write("src/Core/Events/LogEvent.cs", "namespace Core.Events;\npublic sealed class LogEvent { public int Level { get; } }\n")
        .Write("src/Core/Sinks/ConsoleSink.cs", "namespace Core.Sinks;\npublic sealed class ConsoleSink { }\n")
        .Commit("core");

    [Fact]
    public async Task A_project_MSBuild_loads_without_documents_is_read_from_its_folder()
    {
        using var repo = ProjectWithoutCompileTarget();
        using var generator = repo.Generator();

        await generator.GenerateAsync(null, false, false, null, Token);

        var structure = repo.Read(SteeringDocuments.PathOf("structure"));
        Assert.Contains("`Core.Events` (1 type): LogEvent", structure, StringComparison.Ordinal);
        Assert.Contains("`Core.Sinks` (1 type): ConsoleSink", structure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MSBuild_diagnostics_go_to_the_notes_and_never_into_the_documents()
    {
        using var repo = ProjectWithoutCompileTarget();
        using var generator = repo.Generator();

        var result = await generator.GenerateAsync(null, false, false, null, Token);

        Assert.Contains(result.Notes, n => n.Contains("Core", StringComparison.Ordinal));
        foreach (var name in SteeringDocuments.All)
        {
            var text = repo.Read(SteeringDocuments.PathOf(name));
            Assert.DoesNotContain("MSBuild:", text, StringComparison.Ordinal);
            Assert.All(result.Notes, note => Assert.DoesNotContain(note, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_SDK_version_comes_from_a_global_json_below_the_root()
    {
        using var repo = new SampleRepository()
            .Write("src/App.sln", Samples.Sln(("App", "App/App.csproj")))
            .Write("src/global.json", "{ \"sdk\": { \"version\": \"9.0.301\", \"rollForward\": \"latestMajor\" } }\n")
            .Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n")
            .Write("src/App/Thing.cs", "namespace App;\npublic sealed class Thing { }\n")
            .Commit("app");
        using var generator = repo.Generator(trusted: false);

        await generator.GenerateAsync(null, false, false, null, Token);

        Assert.Contains("**SDK**: 9.0.301 (`src/global.json`)", repo.Read(SteeringDocuments.PathOf("tech")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_project_built_from_the_same_sources_does_not_repeat_the_namespace_list()
    {
        using var repo = new SampleRepository()
            .Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n")
            .Write("src/Lib.Signed/Lib.Signed.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework><EnableDefaultCompileItems>false</EnableDefaultCompileItems></PropertyGroup>\n"
                + "  <ItemGroup><Compile Include=\"..\\Lib\\**\\*.cs\" Exclude=\"..\\Lib\\obj\\**;..\\Lib\\bin\\**\" /></ItemGroup>\n</Project>\n")
            .Write("src/Lib/Parsers/BlockParser.cs", "namespace Lib.Parsers;\npublic sealed class BlockParser { }\n")
            .Write("src/Lib/Syntax/Block.cs", "namespace Lib.Syntax;\npublic sealed class Block { }\n")
            .Commit("lib");
        using var generator = repo.Generator();

        await generator.GenerateAsync(null, false, false, null, Token);

        var structure = repo.Read(SteeringDocuments.PathOf("structure"));
        Assert.Single(structure.Split('\n'), l => l.Contains("`Lib.Parsers` (1 type): BlockParser", StringComparison.Ordinal));
        Assert.Contains("#### Lib.Signed (2 source files)\n- The same sources as Lib.", structure, StringComparison.Ordinal);
    }
}
