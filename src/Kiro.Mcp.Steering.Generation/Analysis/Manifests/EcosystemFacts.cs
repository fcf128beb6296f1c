namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>One manifest's facts: a Node package, a Python project, a Go module, a Cargo crate …</summary>
/// <param name="Ecosystem">"Node.js", "Python", "Go", "Rust", "Java (Maven)", "Java/Kotlin (Gradle)", "Ruby", "PHP".</param>
/// <param name="Manifest">The manifest's workspace-relative path.</param>
/// <param name="Name">The package's declared name, if any.</param>
/// <param name="Facts">Short "key: value" facts such as the language version or the package manager.</param>
public sealed record EcosystemFacts(
    string Ecosystem,
    string Manifest,
    string? Name,
    IReadOnlyList<KeyValuePair<string, string>> Facts,
    IReadOnlyList<Dependency> Dependencies,
    IReadOnlyList<Dependency> DevDependencies,
    IReadOnlyList<CommandFact> Commands);
