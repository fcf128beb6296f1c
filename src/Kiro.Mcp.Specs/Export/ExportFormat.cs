using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Export;

/// <summary>What <see cref="SpecExporter"/> produces: the whole model, a Jira CSV import, or GitHub issues.</summary>
public enum ExportFormat
{
    Json,
    Csv,
    Github,
}

/// <summary>The names callers use for <see cref="ExportFormat"/>.</summary>
public static class ExportFormats
{
    public static ExportFormat Parse(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => ExportFormat.Json,
        "csv" or "jira" => ExportFormat.Csv,
        "github" => ExportFormat.Github,
        _ => throw new KiroException("format_invalid", $"Unknown export format '{format}'. Use 'json' (the whole model), 'csv' (Jira's CSV import) or 'github' (one issue per top-level task)."),
    };

    public static string Name(ExportFormat format) => format.ToString().ToLowerInvariant();
}
