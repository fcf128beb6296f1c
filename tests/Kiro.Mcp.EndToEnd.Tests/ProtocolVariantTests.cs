using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>The workflow also works for clients on the newest protocol revision and on a stateless HTTP server.</summary>
public class ProtocolVariantTests
{
    [Fact]
    public async Task A_client_that_negotiates_the_newest_protocol_runs_the_workflow()
    {
        using var workspace = new TempWorkspace();
        var options = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "newest-client", Version = "2.0" },
            InitializationTimeout = TimeSpan.FromSeconds(60),
            DiscoverProbeTimeout = TimeSpan.FromSeconds(60),
        };
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, options);

        await RunToDesignAsync(server);

        Assert.NotEqual("2025-11-25", server.Client.NegotiatedProtocolVersion);
    }

    [Fact]
    public async Task A_stateless_http_server_runs_the_workflow_and_refuses_session_subscriptions_it_could_never_serve()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartHttpAsync(workspace.Root, ["--stateless"]);

        await RunToDesignAsync(server);

        // Subscribing works on stateless HTTP only through subscriptions/listen (MultiWorkspaceTests); a session
        // subscription would be accepted and never served, so it is refused with the way that works.
        var refused = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => server.Client.SubscribeToResourceAsync("kiro://workspace/specs/variant/design"));
        Assert.Contains("subscriptions/listen", refused.Message);
    }

    private static async Task RunToDesignAsync(ServerConnection server)
    {
        await server.CallOkAsync("spec_create", new { name = "variant" });
        await server.CallOkAsync("spec_write", new { spec = "variant", document = "requirements", content = WorkoutSpec.Requirements });
        var approval = await server.CallOkAsync("spec_approve", new { spec = "variant", document = "requirements" });
        Assert.True(approval.GetProperty("approved").GetBoolean());
        await server.CallOkAsync("spec_write", new { spec = "variant", document = "design", content = WorkoutSpec.Design });
        var status = await server.CallOkAsync("spec_status", new { spec = "variant" });
        Assert.Equal("design", status.GetProperty("phase").GetString());
    }
}
