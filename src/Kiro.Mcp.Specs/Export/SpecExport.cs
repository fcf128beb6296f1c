namespace Kiro.Mcp.Specs.Export;

/// <summary>The result of an export.</summary>
/// <param name="Format">json, csv or github.</param>
/// <param name="MediaType">application/json or text/csv.</param>
/// <param name="Items">How many items the content holds: requirements + tasks (json), rows (csv) or issues (github).</param>
/// <param name="Content">The export itself: JSON, CSV, or a JSON array of {title, body, labels} for GitHub's create-issue API.</param>
public sealed record SpecExport(string Spec, string Format, string MediaType, int Items, string Content);
