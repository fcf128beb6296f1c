using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The team server as a team runs it: users sign in with JWTs from the configured issuer (real RS256 tokens
/// through the real JwtBearer handler), their roles come from the policy by user id and by group claim, and an
/// approval means a second person's verified sign-off.
/// </summary>
public class TeamJwtTests
{
    [Fact]
    public async Task With_issuer_tokens_roles_hold_by_id_and_group_and_an_approval_is_a_second_persons_verified_sign_off()
    {
        using var workspace = new TempWorkspace();
        var tokens = new TestTokens(workspace.Parent);
        var config = TeamConfigFile.Write(workspace.Parent, new
        {
            auth = TeamConfigFile.Auth(tokens),
            workspaces = new Dictionary<string, object>
            {
                ["*"] = new
                {
                    roles = new Dictionary<string, string> { ["group:readers"] = "reader", ["user:u-wendy"] = "writer", ["email:alice@example.com"] = "approver" },
                    secondPersonApproval = true,
                },
            },
        });
        var (process, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--config", config]);
        try
        {
            await using var rita = await ConnectAsync(endpoint, tokens.Mint("u-rita", "Rita", groups: ["readers"]));
            await using var wendy = await ConnectAsync(endpoint, tokens.Mint("u-wendy", "Wendy"));
            await using var alice = await ConnectAsync(endpoint, tokens.Mint("u-alice", "Alice Doe", email: "Alice@Example.com"));

            // A reader (by group) reads but does not write, and is not offered write tools.
            var ritaTools = (await rita.ListToolsAsync()).Select(t => t.Name).ToList();
            Assert.Contains("spec_read", ritaTools);
            Assert.DoesNotContain("spec_write", ritaTools);
            Assert.StartsWith("[role_required] spec_create needs the writer role", await ErrorAsync(rita, "spec_create", new { name = "x" }));

            // A writer writes but cannot approve.
            await OkAsync(wendy, "spec_create", new { name = "login" });
            await OkAsync(wendy, "spec_write", new { spec = "login", document = "requirements", content = WorkoutSpec.Requirements });
            Assert.StartsWith("[role_required] spec_approve needs the approver role", await ErrorAsync(wendy, "spec_approve", new { spec = "login", document = "requirements" }));
            Assert.Empty(await ApprovedSpecsAsync(rita));

            // The approver (by email) writes a new version herself: the second-person rule refuses her own approval.
            await OkAsync(alice, "spec_write", new { spec = "login", document = "requirements", content = WorkoutSpec.Requirements + "\n" });
            Assert.StartsWith("[second_person_required]", await ErrorAsync(alice, "spec_approve", new { spec = "login", document = "requirements" }));

            // Wendy writes the version Alice reviews: Alice's approval is recorded with her verified identity.
            await OkAsync(wendy, "spec_write", new { spec = "login", document = "requirements", content = WorkoutSpec.Requirements });
            await OkAsync(alice, "spec_approve", new { spec = "login", document = "requirements" });
            var workflow = workspace.Read(".kiro/specs/login/.workflow.json");
            Assert.Contains("\"byId\": \"u-alice\"", workflow);
            Assert.Contains("\"by\": \"Alice Doe\"", workflow);
            Assert.Contains("\"verified\": true", workflow);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("server log:\n" + string.Join('\n', stderr), e);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    private static async Task<List<JsonElement>> ApprovedSpecsAsync(McpClient client)
    {
        var result = await client.CallToolAsync("spec_list", new Dictionary<string, object?>());
        Assert.False(result.IsError == true, ServerConnection.Text(result));
        // What a reader can see: the specs with an approved document.
        return [.. result.StructuredContent!.Value.GetProperty("specs").EnumerateArray().Where(s => s.GetProperty("approvals").EnumerateObject().Any(a => a.Value.GetString() == "approved"))];
    }

    private static async Task<McpClient> ConnectAsync(Uri endpoint, string token) =>
        await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        }), ServerConnection.DesktopClient());

    private static async Task OkAsync(McpClient client, string tool, object arguments)
    {
        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!);
        Assert.False(result.IsError == true, $"{tool} failed: {ServerConnection.Text(result)}");
    }

    private static async Task<string> ErrorAsync(McpClient client, string tool, object arguments)
    {
        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!);
        Assert.True(result.IsError == true, $"{tool} should have been refused but returned: {ServerConnection.Text(result)}");
        return ServerConnection.Text(result);
    }
}
