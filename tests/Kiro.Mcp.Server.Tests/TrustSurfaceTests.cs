namespace Kiro.Mcp.Server.Tests;

/// <summary>What the assistant is told about workspace trust before its first call.</summary>
public class TrustSurfaceTests
{
    [Fact]
    public async Task The_instructions_say_an_untrusted_workspace_runs_none_of_its_code_and_only_the_user_can_trust_it()
    {
        await using var server = await InProcessServer.StartAsync();

        var instructions = server.Client.ServerInstructions;

        Assert.NotNull(instructions);
        Assert.Contains("This workspace is not trusted, so its command hooks, task verification commands and MSBuild evaluation", instructions, StringComparison.Ordinal);
        Assert.Contains("Only the user can trust it: they run `kiro-mcp trust ", instructions, StringComparison.Ordinal);
    }
}
