namespace Kiro.Mcp.Specs.Export;

/// <summary>
/// The stable ids an export gives each item, so a tracker sync can find the issue it created last time:
/// the spec's name, then the kind and the number Kiro's documents use ("workout-logging/criterion/1.2").
/// They change only when the spec is renamed or its items renumbered.
/// </summary>
public static class ExportIds
{
    public static string Requirement(string spec, string id) => $"{spec}/requirement/{id}";

    public static string Criterion(string spec, string id) => $"{spec}/criterion/{id}";

    public static string Task(string spec, string id) => $"{spec}/task/{id}";
}
