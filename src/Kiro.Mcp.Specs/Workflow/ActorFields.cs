using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiro.Mcp.Specs.Workflow;

/// <summary>
/// An <see cref="Actor"/> as flat fields of a record in .workflow.json ("by", "byId", "email", "verified",
/// "client"): one field per line keeps the file merge-friendly, and "by" stays the display name old readers know.
/// </summary>
internal static class ActorFields
{
    public static void Write(Utf8JsonWriter writer, Actor actor)
    {
        writer.WriteString("by", actor.Name);
        writer.WriteString("byId", actor.Id);
        if (actor.Email is not null)
        {
            writer.WriteString("email", actor.Email);
        }
        writer.WriteBoolean("verified", actor.Verified);
        if (actor.Client is not null)
        {
            writer.WriteString("client", actor.Client);
        }
    }

    /// <summary>A file from before identities were recorded has only "by" (a user or client name): an unverified actor of that name.</summary>
    public static Actor Read(JsonObject record)
    {
        var name = record["by"]?.GetValue<string>() ?? "";
        return new Actor(
            record["byId"]?.GetValue<string>() ?? name,
            name,
            record["email"]?.GetValue<string>(),
            record["verified"]?.GetValue<bool>() ?? false,
            record["client"]?.GetValue<string>());
    }

    public static void WriteTime(Utf8JsonWriter writer, DateTimeOffset at) =>
        writer.WriteString("at", at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public static DateTimeOffset ReadTime(JsonObject record) =>
        DateTimeOffset.Parse(record["at"]?.GetValue<string>() ?? "0001-01-01T00:00:00Z", CultureInfo.InvariantCulture);
}
