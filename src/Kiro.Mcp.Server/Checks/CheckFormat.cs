namespace Kiro.Mcp.Server.Checks;

/// <summary>How <c>kiro-mcp check</c> prints its report: for people, for scripts, or for a CI system's own view.</summary>
public enum CheckFormat
{
    /// <summary>One line per finding, then a summary.</summary>
    Text,
    /// <summary>The whole report as JSON.</summary>
    Json,
    /// <summary>SARIF 2.1.0, for code scanning (GitHub's upload-sarif).</summary>
    Sarif,
    /// <summary>GitHub Actions workflow commands: an annotation on the file and line of each finding.</summary>
    Github,
    /// <summary>JUnit XML: a test suite per spec, a failing test case per finding that fails the run.</summary>
    Junit,
}
