namespace Kiro.Mcp.Specs.Workflow;

/// <summary>
/// Who did something to a spec, as the server established it: a stable id, a display name, the email where
/// the token has one, and whether a token proved it (<see cref="Verified"/>). The client's self-declared
/// name and version is kept apart as <see cref="Client"/>: it names a program, not a person.
/// </summary>
public sealed record Actor(string Id, string Name, string? Email, bool Verified, string? Client)
{
    /// <summary>Whether two actors are the same person: the same id, and both verified or both not (a token user "local" is not the local user).</summary>
    public bool IsSamePersonAs(Actor other) =>
        other is not null && Verified == other.Verified && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <summary>"Alice (alice)" or just "alice" when the name is the id.</summary>
    public string Describe() => Name == Id ? Id : $"{Name} ({Id})";
}
