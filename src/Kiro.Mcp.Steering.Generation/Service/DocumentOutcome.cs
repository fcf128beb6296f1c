namespace Kiro.Mcp.Steering.Generation.Service;

/// <summary>What happened (or, in a dry run, would happen) to one steering file.</summary>
public enum DocumentOutcome
{
    /// <summary>The file did not exist and was written.</summary>
    Created,

    /// <summary>The file was generated before and not edited since; it was replaced with the new text.</summary>
    Updated,

    /// <summary>The file already holds exactly the new text.</summary>
    Unchanged,

    /// <summary>The file was written or edited by hand; it was left alone and the diff is returned.</summary>
    KeptHandEdited,

    /// <summary>The file was edited by hand and replaced because force was set.</summary>
    Overwritten,
}
