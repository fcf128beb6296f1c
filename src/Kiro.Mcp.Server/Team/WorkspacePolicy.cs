namespace Kiro.Mcp.Server.Team;

/// <summary>
/// What users may do in one workspace (or in every workspace, as <c>"*"</c>): a role per user id, email or
/// group, a default role for everyone else who signed in, and whether an approval needs a second person.
/// </summary>
public sealed record WorkspacePolicy
{
    /// <summary>The role of a signed-in user the <see cref="Roles"/> do not name; null: no access.</summary>
    public Role? DefaultRole { get; init; }

    /// <summary>Roles by <c>user:ID</c>, <c>email:ADDRESS</c> or <c>group:NAME</c>; a user gets the highest that applies.</summary>
    // "set", not "init": source-generated JSON assigns every init-only property of the type, so a key absent from the
    // file would replace this default with null or 0; a settable property is assigned only when its key is present.
    public IReadOnlyDictionary<string, Role> Roles { get; set; } = new Dictionary<string, Role>();

    /// <summary>True: whoever wrote a document's current version cannot approve it.</summary>
    public bool SecondPersonApproval { get; init; }

    public string? Problem()
    {
        foreach (var key in Roles.Keys)
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || key[..colon] is not ("user" or "email" or "group") || colon == key.Length - 1)
            {
                return $"roles: '{key}' names nobody; write user:ID, email:ADDRESS or group:NAME.";
            }
        }
        return null;
    }
}
