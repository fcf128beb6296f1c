using System.Text.Json.Serialization;

namespace Kiro.Mcp.Steering.Generation.Service;

/// <summary>What happened (or, in a dry run, would happen) to one steering file.</summary>
/// <remarks>Member names on the wire are snake_case, in the schema and in results alike.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentOutcome>))]
public enum DocumentOutcome
{
    /// <summary>The file did not exist and was written.</summary>
    [JsonStringEnumMemberName("created")]
    Created,

    /// <summary>The file was generated before and not edited since; it was replaced with the new text.</summary>
    [JsonStringEnumMemberName("updated")]
    Updated,

    /// <summary>The file already holds exactly the new text.</summary>
    [JsonStringEnumMemberName("unchanged")]
    Unchanged,

    /// <summary>The file was written or edited by hand; it was left alone and the diff is returned.</summary>
    [JsonStringEnumMemberName("kept_hand_edited")]
    KeptHandEdited,

    /// <summary>The file was edited by hand and replaced because force was set.</summary>
    [JsonStringEnumMemberName("overwritten")]
    Overwritten,
}
