using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>Steering written, listed, read and applied through the real server, as an assistant would use it.</summary>
public class SteeringTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task Steering_is_written_listed_read_and_applied_to_files(Transport transport)
    {
        using var workspace = new TempWorkspace();
        var userSteering = Path.Combine(ServerConnection.UserKiroDirectory(workspace.Root), "steering");
        Directory.CreateDirectory(userSteering);
        File.WriteAllText(Path.Combine(userSteering, "team.md"), "---\ninclusion: always\n---\nTeam rule: small commits.\n");
        File.WriteAllText(Path.Combine(userSteering, "product.md"), "Global product text that the workspace overrides.\n");
        workspace.Write("AGENTS.md", "Root agent notes.\n");
        workspace.Write("src/api/AGENTS.md", "API agent notes.\n");
        workspace.Write("docs/api-style.md", "Use plural nouns for collections.\n");
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root);

        var product = await server.CallOkAsync("steering_write", new { name = "product", content = "# Product\n\nWorkout logging.\n", expectedVersion = "absent" });
        Assert.Equal("always", product.GetProperty("inclusion").GetString());
        Assert.Contains("~/.kiro/steering/product.md", product.GetProperty("nextStep").GetString());
        await server.CallOkAsync("steering_write", new
        {
            name = "api",
            content = "# API\n\n#[[file:docs/api-style.md]]\n#[[file:../outside.md]]\n",
            inclusion = "fileMatch",
            fileMatchPattern = new[] { "src/api/**/*.ts", "*.http" },
        });
        await server.CallOkAsync("steering_write", new { name = "release", content = "# Release checklist\n", inclusion = "manual" });
        await server.CallOkAsync("steering_write", new { name = "db", content = "# Database\n", inclusion = "auto", description = "Schema and migrations. Use when touching the database." });
        Assert.StartsWith("---\ninclusion: fileMatch\nfileMatchPattern: [\"src/api/**/*.ts\", \"*.http\"]\n---\n", workspace.Read(".kiro/steering/api.md"));

        var list = await server.CallOkAsync("steering_list", new { });
        var documents = list.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["AGENTS.md", "api", "db", "product", "release", "team", "src/api/AGENTS.md"], documents.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal("global", documents.Single(d => d.GetProperty("name").GetString() == "team").GetProperty("source").GetString());
        Assert.Equal(["src/api/**/*.ts", "*.http"], documents[1].GetProperty("patterns").EnumerateArray().Select(p => p.GetString()));

        var read = await server.CallOkAsync("steering_read", new { name = "api" });
        Assert.Contains("Use plural nouns for collections.", read.GetProperty("text").GetString());
        Assert.Contains("[file `../outside.md` not included:", read.GetProperty("text").GetString());
        Assert.Equal(["included", "refused"], read.GetProperty("references").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        var stale = await server.CallErrorAsync("steering_write", new { name = "api", content = "# API v2\n", inclusion = "manual", expectedVersion = "0000000000000000" }, "version_conflict");
        Assert.Contains("Read it again", stale);
        await server.CallErrorAsync("steering_write", new { name = "../escape", content = "x" }, "steering_name_invalid");
        await server.CallErrorAsync("steering_read", new { name = "nope" }, "steering_not_found");
        Assert.False(File.Exists(Path.Combine(workspace.Parent, "escape.md")));

        var context = await server.CallOkAsync("steering_context", new { paths = new[] { "src/api/users/routes.ts" }, include = new[] { "release", "ghost" } });
        var applied = context.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("reason").GetString());
        Assert.Equal(["AGENTS.md", "src/api/AGENTS.md", "api", "product", "release", "team"], applied.Keys);
        Assert.Equal("fileMatch 'src/api/**/*.ts' matches src/api/users/routes.ts", applied["api"]);
        Assert.Equal("db", Assert.Single(context.GetProperty("available").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(["ghost"], context.GetProperty("unknown").EnumerateArray().Select(u => u.GetString()));
        var elsewhere = await server.CallOkAsync("steering_context", new { paths = new[] { "README.md" } });
        Assert.Equal(["AGENTS.md", "product", "team"], elsewhere.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        await server.CallErrorAsync("steering_context", new { paths = new[] { "../../etc/passwd" } }, "path_outside_workspace");

        var resource = await server.Client.ReadResourceAsync("kiro://workspace/steering/product");
        Assert.Equal("\n# Product\n\nWorkout logging.\n", Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text);
    }

    [Fact]
    public async Task A_subscribed_steering_resource_is_reported_updated_when_the_file_changes()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        var first = await server.CallOkAsync("steering_write", new { name = "tech", content = "# Tech\n" });
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await server.Client.SubscribeToResourceAsync("kiro://workspace/steering/tech", (notification, _) =>
        {
            updated.TrySetResult(notification.Uri);
            return ValueTask.CompletedTask;
        });

        await server.CallOkAsync("steering_write", new { name = "tech", content = "# Tech\n\nUse .NET 10.\n", expectedVersion = first.GetProperty("version").GetString() });

        Assert.Equal("kiro://workspace/steering/tech", await updated.Task.WaitAsync(Wait));
        var resource = await server.Client.ReadResourceAsync("kiro://workspace/steering/tech");
        Assert.EndsWith("Use .NET 10.\n", Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text);
    }

    [Fact]
    public async Task A_subscribed_AGENTS_file_in_a_sub_folder_is_reported_updated_when_an_editor_saves_it()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("src/api/AGENTS.md", "Use minimal APIs.\n");
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        const string uri = "kiro://workspace/steering/src%2Fapi%2FAGENTS.md";
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await server.Client.SubscribeToResourceAsync(uri, (notification, _) =>
        {
            updated.TrySetResult(notification.Uri);
            return ValueTask.CompletedTask;
        });

        File.WriteAllText(workspace.PathOf("src/api/AGENTS.md"), "Use minimal APIs and problem details.\n");

        Assert.Equal(uri, await updated.Task.WaitAsync(Wait));
        var resource = await server.Client.ReadResourceAsync(uri);
        Assert.Equal("Use minimal APIs and problem details.\n", Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text);
    }

    [Fact]
    public async Task The_context_of_a_spec_task_carries_the_fileMatch_steering_of_the_files_it_names()
    {
        const string tasks = """
            # Implementation Plan

            - [ ] 1. Implement WorkoutLog.Add in `src/log/add.cs`
              - _Requirements: 1.1, 1.2_

            - [ ] 2. Implement History with paging in `web/history.tsx`
              - _Requirements: 2.1_

            """;
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "steered" });
        await server.CallOkAsync("spec_write", new { spec = "steered", document = "requirements", content = WorkoutSpec.Requirements });
        await server.CallOkAsync("spec_approve", new { spec = "steered", document = "requirements" });
        await server.CallOkAsync("spec_write", new { spec = "steered", document = "design", content = WorkoutSpec.Design });
        await server.CallOkAsync("spec_approve", new { spec = "steered", document = "design" });
        await server.CallOkAsync("spec_write", new { spec = "steered", document = "tasks", content = tasks });
        await server.CallOkAsync("spec_approve", new { spec = "steered", document = "tasks" });
        await server.CallOkAsync("steering_write", new { name = "csharp", content = "Use records for results.\n", inclusion = "fileMatch", fileMatchPattern = new[] { "**/*.cs" } });
        await server.CallOkAsync("steering_write", new { name = "react", content = "Use function components.\n", inclusion = "fileMatch", fileMatchPattern = new[] { "web/**/*.tsx" } });
        await server.CallOkAsync("steering_write", new { name = "product", content = "Workouts for lifters.\n" });

        var first = await server.CallOkAsync("task_context", new { spec = "steered", taskId = "1" });
        var steering = Sections(first);
        Assert.Equal(["Steering: csharp (fileMatch '**/*.cs' matches src/log/add.cs)", "Steering: product (always)"], steering.Keys);
        Assert.Equal("\nUse records for results.\n", steering.Values.First());

        var started = await server.CallOkAsync("task_start", new { spec = "steered", taskId = "2" });
        Assert.Equal(["Steering: react (fileMatch 'web/**/*.tsx' matches web/history.tsx)", "Steering: product (always)"], Sections(started).Keys);

        // A huge steering document is cut to the task context's budget, and the cut is reported.
        await server.CallOkAsync("steering_write", new { name = "huge", content = string.Concat(Enumerable.Repeat("A rule to follow.\n", 5_000)) });
        var budgeted = await server.CallOkAsync("task_context", new { spec = "steered", taskId = "1" });
        Assert.True(budgeted.GetProperty("truncated").GetBoolean());
        Assert.Equal("Steering: csharp (fileMatch '**/*.cs' matches src/log/add.cs)", Sections(budgeted).Keys.First());
        Assert.InRange(Sections(budgeted).Values.Sum(t => t.Length), 1, 32_000);
    }

    private static Dictionary<string, string> Sections(JsonElement context) =>
        context.GetProperty("steering").EnumerateArray().ToDictionary(s => s.GetProperty("title").GetString()!, s => s.GetProperty("text").GetString()!);
}
