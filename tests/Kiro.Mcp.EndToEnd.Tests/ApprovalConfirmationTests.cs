using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>When the client supports elicitation, the human confirms an approval in the client.</summary>
public class ApprovalConfirmationTests
{
    [Theory]
    [InlineData(Transport.Stdio, true)]
    [InlineData(Transport.Stdio, false)]
    [InlineData(Transport.Http, true)]
    [InlineData(Transport.Http, false)]
    public async Task The_user_is_asked_and_only_a_yes_records_the_approval(Transport transport, bool userSaysYes)
    {
        using var workspace = new TempWorkspace();
        var asked = new List<string>();
        var options = ServerConnection.DesktopClient("confirming-client");
        options.Capabilities = new ClientCapabilities { Elicitation = new ElicitationCapability { Form = new FormElicitationCapability() } };
        options.Handlers.ElicitationHandler = (request, _) =>
        {
            asked.Add(request!.Message);
            return ValueTask.FromResult(new ElicitResult
            {
                Action = "accept",
                Content = new Dictionary<string, JsonElement> { ["approve"] = JsonSerializer.SerializeToElement(userSaysYes) },
            });
        };
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root, options);
        await server.CallOkAsync("spec_create", new { name = "confirmed" });
        await server.CallOkAsync("spec_write", new { spec = "confirmed", document = "requirements", content = WorkoutSpec.Requirements });

        var result = await server.CallOkAsync("spec_approve", new { spec = "confirmed", document = "requirements" });

        Assert.Contains("requirements.md", Assert.Single(asked));
        Assert.Equal(userSaysYes, result.GetProperty("approved").GetBoolean());
        Assert.Equal(userSaysYes, File.Exists(workspace.PathOf(".kiro/specs/confirmed/.workflow.json")));
        var status = await server.CallOkAsync("spec_status", new { spec = "confirmed" });
        Assert.Equal(userSaysYes ? "approved" : "none", status.GetProperty("documents")[0].GetProperty("approval").GetString());
    }
}
