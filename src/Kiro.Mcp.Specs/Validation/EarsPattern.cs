namespace Kiro.Mcp.Specs.Validation;

/// <summary>The EARS patterns (Mavin et al.) an acceptance criterion can follow.</summary>
public enum EarsPattern
{
    /// <summary>"THE &lt;system&gt; SHALL &lt;response&gt;".</summary>
    Ubiquitous,

    /// <summary>"WHEN &lt;trigger&gt;[,] [THEN] THE &lt;system&gt; SHALL &lt;response&gt;".</summary>
    EventDriven,

    /// <summary>"WHILE &lt;state&gt;, THE &lt;system&gt; SHALL &lt;response&gt;".</summary>
    StateDriven,

    /// <summary>"IF &lt;condition&gt;[,] THEN THE &lt;system&gt; SHALL &lt;response&gt;".</summary>
    Unwanted,

    /// <summary>"WHERE &lt;feature&gt;, THE &lt;system&gt; SHALL &lt;response&gt;".</summary>
    Optional,

    /// <summary>More than one kind of preamble, e.g. "WHILE &lt;state&gt;, WHEN &lt;trigger&gt;, THE &lt;system&gt; SHALL ...".</summary>
    Complex,

    /// <summary>No SHALL, no response, or a preamble EARS does not know.</summary>
    Unrecognized,
}
