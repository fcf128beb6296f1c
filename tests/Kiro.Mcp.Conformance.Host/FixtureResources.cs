using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Conformance.Host;

/// <summary>The resources the conformance suite reads (resources-read-*, resources-templates-read) and subscribes to.</summary>
[McpServerResourceType]
public sealed class FixtureResources
{
    [McpServerResource(UriTemplate = "test://static-text", Name = "static_text", MimeType = "text/plain"), Description("A static text resource.")]
    public static TextResourceContents StaticText() =>
        new() { Uri = "test://static-text", MimeType = "text/plain", Text = "This is the content of the static text resource." };

    [McpServerResource(UriTemplate = "test://static-binary", Name = "static_binary", MimeType = "image/png"), Description("A static binary resource (a 1x1 PNG).")]
    public static BlobResourceContents StaticBinary() => BlobResourceContents.FromBytes(FixtureData.Png, "test://static-binary", "image/png");

    [McpServerResource(UriTemplate = "test://template/{id}/data", Name = "template_data", MimeType = "application/json"), Description("A template whose {id} is substituted.")]
    public static TextResourceContents Template([Description("Any id.")] string id) => new()
    {
        Uri = $"test://template/{id}/data",
        MimeType = "application/json",
        Text = JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = id, ["templateTest"] = true, ["data"] = $"Data for ID: {id}" }),
    };

    [McpServerResource(UriTemplate = "test://watched-resource", Name = "watched_resource", MimeType = "text/plain"), Description("A resource clients subscribe to.")]
    public static TextResourceContents Watched() =>
        new() { Uri = "test://watched-resource", MimeType = "text/plain", Text = "Watched resource content" };
}
