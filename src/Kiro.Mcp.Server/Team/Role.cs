namespace Kiro.Mcp.Server.Team;

/// <summary>What a user may do in a workspace; each role includes the ones before it.</summary>
public enum Role
{
    /// <summary>Reads: spec, task, steering and hook lists and documents, resources, validation, traces.</summary>
    Reader = 1,

    /// <summary>Spec and steering writes, task status (start, complete, set).</summary>
    Writer = 2,

    /// <summary>spec_approve (and requesting changes).</summary>
    Approver = 3,

    /// <summary>Hooks (create, run), steering_generate in a trusted workspace, settings, the audit log.</summary>
    Admin = 4,
}
