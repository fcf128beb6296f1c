using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>Subscriptions see changes made on disk by anyone, not only through the server.</summary>
public class NotificationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task A_subscribed_document_is_reported_updated_after_an_outside_edit(Transport transport)
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "watched" });
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await server.Client.SubscribeToResourceAsync("kiro://workspace/specs/watched/requirements", (notification, _) =>
        {
            updated.TrySetResult(notification.Uri);
            return ValueTask.CompletedTask;
        });

        File.AppendAllText(workspace.PathOf(".kiro/specs/watched/requirements.md"), "\nEdited in an editor.\n");

        Assert.Equal("kiro://workspace/specs/watched/requirements", await updated.Task.WaitAsync(Wait));
        var resource = await server.Client.ReadResourceAsync("kiro://workspace/specs/watched/requirements");
        Assert.EndsWith("Edited in an editor.\n", Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text);
    }

    [Fact]
    public async Task A_spec_folder_created_on_disk_changes_the_resource_list()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_list", new { });
        var listChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = server.Client.RegisterNotificationHandler(NotificationMethods.ResourceListChangedNotification, (_, _) =>
        {
            listChanged.TrySetResult();
            return ValueTask.CompletedTask;
        });

        workspace.Write(".kiro/specs/from-git/requirements.md", "# Requirements Document\n");

        await listChanged.Task.WaitAsync(Wait);
        var list = await server.Client.ReadResourceAsync("kiro://workspace/specs");
        Assert.Contains("from-git", Assert.IsType<TextResourceContents>(Assert.Single(list.Contents)).Text);
    }
}
