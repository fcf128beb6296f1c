using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The Native AOT binary, as the installed tool's linux-x64 package ships it, driven end to end as a client would:
/// "it builds" is not "it works". Without compile-time JSON metadata such a binary never answers initialize, and
/// with reflection forced on every result is <c>{}</c>; these tests check real content in every kind of answer,
/// over stdio and HTTP.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public class NativeAotTests(ToolPackage package)
{
    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task The_native_binary_runs_a_spec_from_creation_to_a_completed_task(Transport transport)
    {
        Assert.SkipUnless(package.Native, package.NativeSkipReason);
        using var workspace = new TempWorkspace();
        Git.Init(workspace.Root);
        workspace.Write(".kiro/settings/kiro-mcp.json", """{"verify": {"command": "test -d .kiro", "timeoutSeconds": 60}}""");
        await using var server = transport == Transport.Stdio
            ? await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust], binary: package.Command)
            : await ServerConnection.StartHttpAsync(workspace.Root, [ServerConnection.Trust], binary: package.Command);

        // initialize and tools/list: names, and schemas generated from compile-time metadata (not empty objects).
        Assert.Equal("kiro-mcp", server.Client.ServerInfo!.Name);
        var tools = await server.Client.ListToolsAsync();
        var start = Assert.Single(tools, t => t.Name == "task_start");
        Assert.True(start.ProtocolTool.InputSchema.GetProperty("properties").TryGetProperty("taskId", out _), start.ProtocolTool.InputSchema.GetRawText());
        Assert.True(start.ProtocolTool.OutputSchema!.Value.GetProperty("properties").TryGetProperty("criteria", out _));

        // A spec created, written, approved: results with content, checked against each tool's output schema.
        var created = await server.CallOkAsync("spec_create", new { name = "native", description = "Log workouts." });
        Assert.Equal("native", created.GetProperty("spec").GetString());
        foreach (var (document, content) in new[] { ("requirements", WorkoutSpec.Requirements), ("design", WorkoutSpec.Design), ("tasks", WorkoutSpec.Tasks) })
        {
            await server.CallOkAsync("spec_write", new { spec = "native", document, content });
            var approved = await server.CallOkAsync("spec_approve", new { spec = "native", document });
            Assert.NotEqual(JsonValueKind.Undefined, approved.GetProperty("document").ValueKind);
        }
        Git.CommitAll(workspace.Root, "spec");

        // A task started and completed: its context, the verification run, the next task.
        var context = await server.CallOkAsync("task_start", new { spec = "native", taskId = "1.1" });
        Assert.Equal(["1.1", "1.2"], context.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var done = await server.CallOkAsync("task_complete", new { spec = "native", taskId = "1.1", summary = "Add with validation" });
        Assert.True(done.GetProperty("completed").GetBoolean(), done.GetRawText());
        Assert.Equal(0, done.GetProperty("verification").GetProperty("exitCode").GetInt32());
        Assert.Equal("2", done.GetProperty("next").GetProperty("id").GetString());
        Assert.Contains("  - [x] 1.1", workspace.Read(".kiro/specs/native/tasks.md"));
        Assert.Contains("\"summary\":\"Add with validation\"", workspace.Read(RunLogFile.PathOf("native")));

        // Enums go out as snake_case strings, as from the JIT build.
        await server.CallOkAsync("spec_create", new { name = "broken" });
        var findings = await server.CallOkAsync("spec_validate", new { spec = "broken" });
        Assert.Contains(findings.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");

        // A result the server builds itself (an embedded resource plus structured content).
        var export = await server.CallOkResultAsync("spec_export", new { spec = "native" });
        Assert.Equal("json", export.StructuredContent!.Value.GetProperty("format").GetString());
        var exported = Assert.IsType<EmbeddedResourceBlock>(Assert.Single(export.Content)).Resource;
        Assert.Contains("\"requirements\"", Assert.IsType<TextResourceContents>(exported).Text);

        // A resource read: the spec's status as JSON.
        var read = await server.Client.ReadResourceAsync("kiro://workspace/specs/native/status");
        using var status = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
        Assert.Equal("native", status.RootElement.GetProperty("spec").GetString());
        Assert.Equal(3, status.RootElement.GetProperty("documents").GetArrayLength());

        // MCP Apps: spec_status's ui:// view in its _meta, and the view inflated from the bundle embedded at build time.
        Assert.Equal("ui://kiro/status", Assert.Single(tools, t => t.Name == "spec_status").ProtocolTool.Meta!["ui"]!["resourceUri"]!.GetValue<string>());
        var view = Assert.IsType<TextResourceContents>(Assert.Single((await server.Client.ReadResourceAsync("ui://kiro/status")).Contents));
        Assert.Equal("text/html;profile=mcp-app", view.MimeType);
        Assert.StartsWith("<!DOCTYPE html>", view.Text, StringComparison.Ordinal);
    }
}
