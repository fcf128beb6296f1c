using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// Approvals that mean sign-off, over HTTP with real static tokens: the verified identity is recorded, the
/// second-person rule refuses a self-approval, and a request for changes reaches the assistant working on the spec.
/// </summary>
public class SignOffTests
{
    private const string Alice = "Zq3vT8pL1xR6cN0bW4yH7kM2sD9fJ5aG";
    private const string Bob = "bT7wQ2mX9kL4pR8sV1nC6yF3hJ5dG0zA";

    [Fact]
    public async Task With_the_second_person_rule_the_writer_cannot_approve_and_another_user_can_with_their_verified_identity_recorded()
    {
        using var workspace = new TempWorkspace();
        await using var alice = await StartAsync(workspace, secondPerson: true);
        await using var bob = await ConnectAsync(alice.Endpoint!, Bob);
        await alice.CallOkAsync("spec_create", new { name = "signed" });
        await alice.CallOkAsync("spec_write", new { spec = "signed", document = "requirements", content = WorkoutSpec.Requirements });

        var refused = await alice.CallErrorAsync("spec_approve", new { spec = "signed", document = "requirements" }, "second_person_required");
        Assert.Contains("alice", refused);
        Assert.False(File.Exists(workspace.PathOf(".kiro/specs/signed/.workflow.json"))
            && JsonDocument.Parse(workspace.Read(".kiro/specs/signed/.workflow.json")).RootElement.GetProperty("approvals").TryGetProperty("requirements", out _));

        var approval = await CallOkAsync(bob, "spec_approve", new { spec = "signed", document = "requirements" });
        Assert.True(approval.GetProperty("approved").GetBoolean());
        Assert.Equal("bob", approval.GetProperty("by").GetString());

        var stored = JsonDocument.Parse(workspace.Read(".kiro/specs/signed/.workflow.json")).RootElement;
        var record = stored.GetProperty("approvals").GetProperty("requirements");
        Assert.Equal("bob", record.GetProperty("byId").GetString());
        Assert.Equal("bob", record.GetProperty("by").GetString());
        Assert.True(record.GetProperty("verified").GetBoolean());
        Assert.Equal("bob-client 1.0", record.GetProperty("client").GetString());
        Assert.Equal("alice", stored.GetProperty("authors").GetProperty("requirements").GetProperty("byId").GetString());

        var status = await alice.CallOkAsync("spec_status", new { spec = "signed" });
        var requirements = status.GetProperty("documents")[0];
        Assert.Equal("approved", requirements.GetProperty("approval").GetString());
        Assert.Equal("bob", requirements.GetProperty("byId").GetString());
    }

    [Fact]
    public async Task Without_the_rule_an_approval_still_records_the_token_user_not_the_client_name()
    {
        using var workspace = new TempWorkspace();
        await using var alice = await StartAsync(workspace, secondPerson: false);
        await alice.CallOkAsync("spec_create", new { name = "own" });
        await alice.CallOkAsync("spec_write", new { spec = "own", document = "requirements", content = WorkoutSpec.Requirements });

        var approval = await alice.CallOkAsync("spec_approve", new { spec = "own", document = "requirements" });

        Assert.Equal("alice", approval.GetProperty("by").GetString());
        var record = JsonDocument.Parse(workspace.Read(".kiro/specs/own/.workflow.json")).RootElement.GetProperty("approvals").GetProperty("requirements");
        Assert.Equal("alice", record.GetProperty("byId").GetString());
        Assert.Equal("alice-client 1.0", record.GetProperty("client").GetString());
    }

    [Fact]
    public async Task A_request_for_changes_shows_in_spec_status_and_once_in_the_next_result_for_that_spec_until_a_new_version_answers_it()
    {
        using var workspace = new TempWorkspace();
        await using var alice = await StartAsync(workspace, secondPerson: true);
        await using var bob = await ConnectAsync(alice.Endpoint!, Bob);
        await alice.CallOkAsync("spec_create", new { name = "reviewed" });
        await alice.CallOkAsync("spec_write", new { spec = "reviewed", document = "requirements", content = WorkoutSpec.Requirements });
        const string comment = "Say what happens when the weight is negative.";

        var declined = await CallOkAsync(bob, "spec_approve", new { spec = "reviewed", document = "requirements", decision = "request_changes", note = comment });
        Assert.False(declined.GetProperty("approved").GetBoolean());
        Assert.Contains(comment, declined.GetProperty("nextStep").GetString());

        var status = await alice.CallOkAsync("spec_status", new { spec = "reviewed" });
        var requirements = status.GetProperty("documents")[0];
        Assert.Equal("changes_requested", requirements.GetProperty("approval").GetString());
        Assert.Equal(comment, requirements.GetProperty("comment").GetString());
        Assert.Equal("bob", requirements.GetProperty("byId").GetString());
        Assert.Contains(comment, status.GetProperty("nextAction").GetString());
        await alice.CallErrorAsync("spec_write", new { spec = "reviewed", document = "design", content = WorkoutSpec.Design }, "gate_closed");

        // A second session of alice's, as a new assistant conversation: the first result naming the spec carries the comment, the next does not.
        await using var fresh = await ConnectAsync(alice.Endpoint!, Alice);
        var first = await fresh.CallToolAsync("spec_read", Arguments(new { spec = "reviewed", document = "requirements" }));
        Assert.Contains(first.Content.OfType<TextContentBlock>(), b => b.Text.StartsWith("[changes requested]", StringComparison.Ordinal) && b.Text.Contains(comment, StringComparison.Ordinal));
        Assert.Equal(comment, first.StructuredContent!.Value.GetProperty("changesRequested")[0].GetProperty("comment").GetString());
        var second = await fresh.CallToolAsync("spec_read", Arguments(new { spec = "reviewed", document = "requirements" }));
        Assert.DoesNotContain(second.Content.OfType<TextContentBlock>(), b => b.Text.Contains("[changes requested]", StringComparison.Ordinal));

        await alice.CallOkAsync("spec_write", new { spec = "reviewed", document = "requirements", content = WorkoutSpec.Requirements.Replace("20 per page", "25 per page", StringComparison.Ordinal) });
        var answered = await alice.CallOkAsync("spec_status", new { spec = "reviewed" });
        Assert.Equal("none", answered.GetProperty("documents")[0].GetProperty("approval").GetString());
    }

    private static async Task<ServerConnection> StartAsync(TempWorkspace workspace, bool secondPerson)
    {
        // Outside the workspace: the server's configuration is not the repository's.
        var config = Path.Combine(Path.GetDirectoryName(workspace.Root)!, "team.json");
        File.WriteAllText(config, $$"""{ "workspaces": { "*": { "defaultRole": "admin", "secondPersonApproval": {{(secondPerson ? "true" : "false")}} } } }""");
        return await ServerConnection.StartHttpAsync(workspace.Root, ["--token", "alice=" + Alice, "--token", "bob=" + Bob, "--config", config],
            ServerConnection.DesktopClient("alice-client"), new Dictionary<string, string> { ["Authorization"] = "Bearer " + Alice });
    }

    private static async Task<McpClient> ConnectAsync(Uri endpoint, string secret) =>
        await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret },
        }), ServerConnection.DesktopClient(secret == Bob ? "bob-client" : "alice-client"));

    private static async Task<JsonElement> CallOkAsync(McpClient client, string tool, object arguments)
    {
        var result = await client.CallToolAsync(tool, Arguments(arguments));
        Assert.False(result.IsError == true, $"{tool} failed: {ServerConnection.Text(result)}");
        return result.StructuredContent!.Value;
    }

    private static Dictionary<string, object?> Arguments(object arguments) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
}
