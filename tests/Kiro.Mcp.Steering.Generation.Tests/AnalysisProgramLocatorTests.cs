using Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;

namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>Where the server finds the analysis program, and the install on first use.</summary>
public sealed class AnalysisProgramLocatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kiro-analysis-locator-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Server => Path.Combine(_folder, "server");

    private string Cache => Path.Combine(_folder, "cache");

    [Fact]
    public async Task The_program_beside_the_server_comes_first()
    {
        var beside = Touch(Path.Combine(Server, "analysis", AnalysisProgramLocator.FileName));
        var installs = 0;

        var location = await new AnalysisProgramLocator("1.2.3", Server, Cache, (_, _, _) => { installs++; return Task.FromResult<string?>(null); }).LocateAsync(Token);

        Assert.Equal(beside, location.Path);
        Assert.Null(location.Note);
        Assert.Equal(0, installs);
    }

    [Fact]
    public void On_a_fresh_machine_without_the_data_folder_the_cache_is_still_there_to_install_into()
    {
        // XDG_DATA_HOME is where .NET puts LocalApplicationData on Linux and macOS; nothing else here reads it.
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("LocalApplicationData comes from XDG_DATA_HOME only on Linux and macOS.");
        }
        var fresh = Path.Combine(_folder, "no-data-yet");
        var before = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        Environment.SetEnvironmentVariable("XDG_DATA_HOME", fresh);
        try
        {
            var locator = AnalysisProgramLocator.ForServer("1.2.3", null);

            Assert.Equal(Path.Combine(fresh, "kiro-mcp", "analysis"), locator.CacheFolder);
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", before);
        }
    }

    [Fact]
    public async Task An_installed_version_in_the_cache_is_used_without_installing_again()
    {
        var installed = Touch(Path.Combine(Cache, "1.2.3", ".store", "kiro.mcp.analysis", "1.2.3", "kiro.mcp.analysis", "1.2.3", "tools", "net10.0", "any", AnalysisProgramLocator.FileName));

        var location = await new AnalysisProgramLocator("1.2.3", Server, Cache, null).LocateAsync(Token);

        Assert.Equal(installed, location.Path);
    }

    [Fact]
    public async Task A_missing_version_is_installed_into_the_cache_on_first_use_and_noted()
    {
        var asked = new List<(string ToolPath, string Version)>();
        var locator = new AnalysisProgramLocator("1.2.3", Server, Cache, (toolPath, version, _) =>
        {
            asked.Add((toolPath, version));
            Touch(Path.Combine(toolPath, ".store", "kiro.mcp.analysis", version, "kiro.mcp.analysis", version, "tools", "net10.0", "any", AnalysisProgramLocator.FileName));
            return Task.FromResult<string?>(null);
        });

        var first = await locator.LocateAsync(Token);
        var second = await locator.LocateAsync(Token);

        Assert.Equal([(Path.Combine(Cache, "1.2.3"), "1.2.3")], asked);
        Assert.StartsWith(Path.Combine(Cache, "1.2.3"), first.Path, StringComparison.Ordinal);
        Assert.Contains("Installed the analysis program", first.Note, StringComparison.Ordinal);
        Assert.Equal(first.Path, second.Path);
        Assert.Null(second.Note);
    }

    [Fact]
    public async Task A_failed_install_is_a_note_not_an_exception()
    {
        var location = await new AnalysisProgramLocator("1.2.3", Server, Cache, (_, _, _) => Task.FromResult<string?>("no such package on the feeds")).LocateAsync(Token);

        Assert.Null(location.Path);
        Assert.Contains("no such package on the feeds", location.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_refused()
    {
        var reader = new BoundedLineReader(new StringReader("short\r\n" + new string('x', 10_000) + "\n"), 100);

        Assert.Equal("short", await reader.ReadLineAsync(Token));
        await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadLineAsync(Token));
    }

    private static string Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
