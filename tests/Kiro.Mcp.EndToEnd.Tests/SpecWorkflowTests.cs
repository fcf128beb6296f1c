using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>The whole spec workflow, driven by a real client against the built server.</summary>
public class SpecWorkflowTests
{
    public static TheoryData<Transport> Transports => [Transport.Stdio, Transport.Http];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_spec_goes_from_creation_to_approved_tasks(Transport transport)
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root);

        var created = await server.CallOkAsync("spec_create", new { name = "workout-logging", description = "Log workouts." });
        Assert.Equal("requirements", created.GetProperty("firstDocument").GetString());
        var config = JsonDocument.Parse(workspace.Read(".kiro/specs/workout-logging/.config.kiro")).RootElement;
        Assert.Equal("requirements-first", config.GetProperty("workflowType").GetString());
        Assert.Equal("feature", config.GetProperty("specType").GetString());
        Assert.True(Guid.TryParse(config.GetProperty("specId").GetString(), out _));
        Assert.Contains("Log workouts.", workspace.Read(".kiro/specs/workout-logging/requirements.md"));

        var written = await server.CallOkAsync("spec_write", new
        {
            spec = "workout-logging", document = "requirements", content = WorkoutSpec.Requirements,
            expectedVersion = created.GetProperty("version").GetString(),
        });
        Assert.DoesNotContain(written.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal(WorkoutSpec.Requirements, workspace.Read(".kiro/specs/workout-logging/requirements.md"));

        var validation = await server.CallOkAsync("spec_validate", new { spec = "workout-logging" });
        Assert.Equal(0, validation.GetProperty("errors").GetInt32());
        Assert.Equal(3, validation.GetProperty("coverage").GetProperty("total").GetInt32());

        await ApproveAsync(server, "requirements");
        await server.CallOkAsync("spec_write", new { spec = "workout-logging", document = "design", content = WorkoutSpec.Design });
        await ApproveAsync(server, "design");
        await server.CallOkAsync("spec_write", new { spec = "workout-logging", document = "tasks", content = WorkoutSpec.Tasks });
        var covered = await server.CallOkAsync("spec_validate", new { spec = "workout-logging" });
        Assert.Equal(3, covered.GetProperty("coverage").GetProperty("covered").GetInt32());
        await ApproveAsync(server, "tasks");

        var status = await server.CallOkAsync("spec_status", new { spec = "workout-logging" });
        Assert.Equal("implementation", status.GetProperty("phase").GetString());
        Assert.All(status.GetProperty("documents").EnumerateArray(), d => Assert.Equal("approved", d.GetProperty("approval").GetString()));
        // The client's self-declared name names a program, not who approved: without a token it is the local user.
        Assert.Equal("local user", status.GetProperty("documents")[0].GetProperty("by").GetString());
        Assert.Contains("1.1", status.GetProperty("nextAction").GetString());
        Assert.Equal(5, status.GetProperty("tasks").GetProperty("total").GetInt32());

        var trace = await server.CallOkAsync("spec_trace", new { spec = "workout-logging", requirement = "1.1" });
        var criterion = Assert.Single(trace.GetProperty("criteria").EnumerateArray());
        Assert.Equal(["1.1", "1.2"], criterion.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal("Property 1: Stored workouts are listed", Assert.Single(criterion.GetProperty("properties").EnumerateArray()).GetString());

        var approvals = JsonDocument.Parse(workspace.Read(".kiro/specs/workout-logging/.workflow.json")).RootElement.GetProperty("approvals");
        Assert.Equal(["requirements", "design", "tasks"], approvals.EnumerateObject().Select(p => p.Name));

        var listed = await server.CallOkAsync("spec_list", new { });
        Assert.Equal("workout-logging", Assert.Single(listed.GetProperty("specs").EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Writing_a_document_whose_predecessor_is_not_approved_is_refused(Transport transport)
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "gated" });

        var message = await server.CallErrorAsync("spec_write", new { spec = "gated", document = "design", content = WorkoutSpec.Design }, "gate_closed");
        Assert.Contains("spec_approve", message);
        Assert.False(File.Exists(workspace.PathOf(".kiro/specs/gated/design.md")));
        await server.CallErrorAsync("spec_write", new { spec = "gated", document = "tasks", content = WorkoutSpec.Tasks }, "gate_closed");
        await server.CallErrorAsync("spec_approve", new { spec = "gated", document = "design" }, "document_missing");
    }

    [Fact]
    public async Task An_approval_goes_stale_when_the_document_is_edited_outside_and_the_gate_closes_again()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "stale" });
        await server.CallOkAsync("spec_write", new { spec = "stale", document = "requirements", content = WorkoutSpec.Requirements });
        await ApproveAsync(server, "requirements", "stale");

        File.AppendAllText(workspace.PathOf(".kiro/specs/stale/requirements.md"), "\n3. THE Workout_Log SHALL keep workouts for 5 years\n");

        var status = await server.CallOkAsync("spec_status", new { spec = "stale" });
        Assert.Equal("stale", status.GetProperty("documents")[0].GetProperty("approval").GetString());
        Assert.Equal("requirements", status.GetProperty("phase").GetString());
        await server.CallErrorAsync("spec_write", new { spec = "stale", document = "design", content = WorkoutSpec.Design }, "gate_closed");
    }

    [Fact]
    public async Task Approving_a_document_with_errors_is_refused()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "broken" });
        var untouched = await server.CallErrorAsync("spec_approve", new { spec = "broken", document = "requirements" }, "approval_blocked");
        Assert.Contains("template placeholder", untouched);
        var findings = await server.CallOkAsync("spec_validate", new { spec = "broken" });
        Assert.Contains(findings.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "template_placeholder");

        await server.CallOkAsync("spec_write", new { spec = "broken", document = "requirements", content = "# Requirements Document\n\nNothing here yet.\n" });

        await server.CallErrorAsync("spec_approve", new { spec = "broken", document = "requirements" }, "approval_blocked");
        Assert.False(File.Exists(workspace.PathOf(".kiro/specs/broken/.workflow.json")));
    }

    [Fact]
    public async Task A_quick_spec_has_no_gates_and_a_bugfix_spec_starts_with_bugfix_md()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "quick-one", quick = true });
        await server.CallOkAsync("spec_write", new { spec = "quick-one", document = "tasks", content = WorkoutSpec.Tasks });

        var bug = await server.CallOkAsync("spec_create", new { name = "fix-crash", type = "bugfix" });
        Assert.Equal("bugfix", bug.GetProperty("firstDocument").GetString());
        Assert.Contains("Current Behavior", workspace.Read(".kiro/specs/fix-crash/bugfix.md"));
        await server.CallErrorAsync("spec_write", new { spec = "fix-crash", document = "requirements", content = "x" }, "document_not_in_spec");

        var design = await server.CallOkAsync("spec_create", new { name = "design-led", workflow = "design-first" });
        Assert.Equal("design", design.GetProperty("firstDocument").GetString());
        await server.CallErrorAsync("spec_write", new { spec = "design-led", document = "requirements", content = WorkoutSpec.Requirements }, "gate_closed");
    }

    [Fact]
    public async Task A_section_write_changes_only_that_section_and_keeps_crlf()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "sections" });
        var crlf = WorkoutSpec.Requirements.Replace("\n", "\r\n");
        workspace.Write(".kiro/specs/sections/requirements.md", crlf);

        var read = await server.CallOkAsync("spec_read", new { spec = "sections", document = "requirements", section = "Introduction" });
        Assert.Contains("Users log their workouts", read.GetProperty("text").GetString());
        await server.CallOkAsync("spec_write", new
        {
            spec = "sections", document = "requirements", section = "Introduction",
            content = "\nLifters log workouts.\n\n", expectedVersion = read.GetProperty("version").GetString(),
        });

        var expected = crlf.Replace("Users log their workouts (exercise, sets, repetitions, weight) and see their history.", "Lifters log workouts.");
        Assert.Equal(expected, workspace.Read(".kiro/specs/sections/requirements.md"));
    }

    private static async Task ApproveAsync(ServerConnection server, string document, string spec = "workout-logging")
    {
        var approved = await server.CallOkAsync("spec_approve", new { spec, document });
        Assert.True(approved.GetProperty("approved").GetBoolean());
    }
}
