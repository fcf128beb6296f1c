using Kiro.Mcp.Server.Hosting;

namespace Kiro.Mcp.Server.Tests;

/// <summary>A message that says "run … trust" must name a command the user actually has.</summary>
public class ServerCommandTests
{
    [Fact]
    public void Launched_through_the_dotnet_host_it_is_dotnet_and_the_servers_dll()
    {
        Assert.Equal("dotnet /opt/kiro/Kiro.Mcp.Server.dll", ServerCommand.For("/usr/share/dotnet/dotnet", "/opt/kiro/Kiro.Mcp.Server.dll"));
        Assert.Equal("dotnet '/Users/me/My Tools/Kiro.Mcp.Server.dll'", ServerCommand.For("/usr/local/share/dotnet/dotnet", "/Users/me/My Tools/Kiro.Mcp.Server.dll"));
    }

    [Fact]
    public void The_installed_tool_is_kiro_mcp_and_any_other_executable_is_named_by_its_path()
    {
        Assert.Equal("kiro-mcp", ServerCommand.For("/home/me/.dotnet/tools/kiro-mcp", "/home/me/.dotnet/tools/.store/kiro.mcp/0.1.0/Kiro.Mcp.Server.dll"));
        Assert.Equal("kiro-mcp", ServerCommand.For(null, null));
        Assert.Equal("/src/kiro/bin/Debug/net10.0/Kiro.Mcp.Server", ServerCommand.For("/src/kiro/bin/Debug/net10.0/Kiro.Mcp.Server", "/src/kiro/bin/Debug/net10.0/Kiro.Mcp.Server.dll"));
    }
}
