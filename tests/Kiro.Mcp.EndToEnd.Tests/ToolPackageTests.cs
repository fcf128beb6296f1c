using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>The server as users get it: <c>dotnet pack</c>, <c>dotnet tool install</c> from a folder, then the <c>kiro-mcp</c> command.</summary>
[Collection(InstalledToolCollection.Name)]
public class ToolPackageTests(ToolPackage package)
{
    [Fact]
    public void The_package_is_a_dotnet_tool_and_an_mcp_server_whose_registry_metadata_names_it()
    {
        using var zip = ZipFile.OpenRead(package.PointerPackage);
        using (var nuspecStream = zip.GetEntry($"{ToolPackage.PackageId}.nuspec")!.Open())
        {
            var nuspec = XDocument.Load(nuspecStream);
            var types = nuspec.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name"));
            Assert.Equal(["DotnetTool", "McpServer"], types.Order(StringComparer.Ordinal));
        }

        var entry = zip.GetEntry(".mcp/server.json");
        Assert.NotNull(entry);
        using var serverJson = JsonDocument.Parse(entry.Open());
        var server = serverJson.RootElement;
        // A version bump that forgets server.json would publish metadata pointing at another release.
        Assert.Equal(package.Version, server.GetProperty("version").GetString());
        var nuget = Assert.Single(server.GetProperty("packages").EnumerateArray());
        Assert.Equal("nuget", nuget.GetProperty("registryType").GetString());
        Assert.Equal(ToolPackage.PackageId, nuget.GetProperty("identifier").GetString());
        Assert.Equal(package.Version, nuget.GetProperty("version").GetString());
        Assert.Equal("stdio", nuget.GetProperty("transport").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_registry_metadata_passes_only_options_the_command_accepts()
    {
        using var zip = ZipFile.OpenRead(package.PointerPackage);
        using var serverJson = JsonDocument.Parse(zip.GetEntry(".mcp/server.json")!.Open());
        var help = await ToolPackage.RunAsync(package.Command, ["--help"]);

        var arguments = serverJson.RootElement.GetProperty("packages")[0].GetProperty("packageArguments").EnumerateArray().ToList();
        Assert.NotEmpty(arguments);
        foreach (var argument in arguments)
        {
            var option = argument.GetProperty("type").GetString() == "named" ? argument.GetProperty("name").GetString() : argument.GetProperty("value").GetString();
            Assert.Contains(option!, help);
        }
    }

    [Fact]
    public void The_installer_picks_this_platforms_native_package_where_clang_links_it()
    {
        Assert.SkipUnless(package.Native, package.NativeSkipReason);
        Assert.True(Directory.Exists(package.InstalledPlatformFolder), $"expected the {package.Platform} package under {package.InstalledPlatformFolder}");

        // One self-contained executable (an ELF file), no managed assemblies and no runtime configuration beside it.
        var files = Directory.EnumerateFiles(Path.Combine(package.InstalledPlatformFolder, "tools"), "*", SearchOption.AllDirectories).ToList();
        var binary = Assert.Single(files, f => Path.GetFileName(f) == "Kiro.Mcp.Server");
        Assert.Equal(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }, File.ReadAllBytes(binary)[..4]);
        Assert.DoesNotContain(files, f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".runtimeconfig.json", StringComparison.Ordinal));
    }

    [Fact]
    public void The_installer_picks_this_platforms_ready_to_run_package_where_no_linker_is_installed()
    {
        Assert.SkipWhen(package.Native, "This machine packs the native binary (see the test above).");
        Assert.SkipWhen(package.Platform == "any", "No package is shipped for this platform; the portable package serves it.");
        Assert.True(Directory.Exists(package.InstalledPlatformFolder), $"expected the {package.Platform} package under {package.InstalledPlatformFolder}");

        // ReadyToRun code lives in a native header beside the IL: present only when precompiled.
        var dll = Directory.EnumerateFiles(package.InstalledPlatformFolder, "Kiro.Mcp.Server.dll", SearchOption.AllDirectories).Single();
        using var pe = new PEReader(File.OpenRead(dll));
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{dll} has no ReadyToRun code");
    }

    [Fact]
    public void No_package_carries_debug_symbols()
    {
        // The native binary's .dbg file is several times the binary's size, and the installer keeps every package twice.
        foreach (var nupkg in Directory.EnumerateFiles(package.Feed, "*.nupkg"))
        {
            using var zip = ZipFile.OpenRead(nupkg);
            Assert.DoesNotContain(zip.Entries, e => e.Name.EndsWith(".dbg", StringComparison.Ordinal) || e.Name.EndsWith(".pdb", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void No_package_of_the_server_carries_roslyn_or_msbuild()
    {
        // They belong to the analysis program's own package (Kiro.Mcp.Analysis), fetched on first use by steering_generate:
        // inside the server they made the installed tool 130 MB.
        var packages = Directory.EnumerateFiles(package.Feed, $"{ToolPackage.PackageId}.*.nupkg")
            .Where(p => !Path.GetFileName(p).StartsWith($"{ToolPackage.PackageId}.Analysis.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(packages);
        foreach (var nupkg in packages)
        {
            using var zip = ZipFile.OpenRead(nupkg);
            Assert.DoesNotContain(zip.Entries, e => e.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || e.Name.StartsWith("Microsoft.Build", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_installed_command_serves_a_workspace_over_stdio()
    {
        using var workspace = new TempWorkspace();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "kiro-mcp",
            Command = package.Command,
            Arguments = ["--stdio", "--workspace", workspace.Root],
            EnvironmentVariables = new Dictionary<string, string?> { [ServerConnection.UserKiroVariable] = ServerConnection.UserKiroDirectory(workspace.Root) },
        });
        await using var client = await McpClient.CreateAsync(transport, ServerConnection.DesktopClient());

        Assert.NotNull(client.ServerInfo);
        Assert.Equal("kiro-mcp", client.ServerInfo.Name);
        Assert.Equal(package.Version, client.ServerInfo.Version);
        var created = await client.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "installed" });
        Assert.False(created.IsError == true, ServerConnection.Text(created));
        var list = await client.CallToolAsync("spec_list", new Dictionary<string, object?>());
        var names = list.StructuredContent!.Value.GetProperty("specs").EnumerateArray().Select(s => s.GetProperty("name").GetString());
        Assert.Equal(["installed"], names);
        Assert.True(File.Exists(workspace.PathOf(".kiro/specs/installed/requirements.md")));
    }
}
