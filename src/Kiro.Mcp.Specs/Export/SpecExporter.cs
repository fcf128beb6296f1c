using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiro.Mcp.Specs.Export;

/// <summary>Turns a spec into what a tracker imports: see <see cref="ExportFormat"/>. The same spec gives the same bytes.</summary>
public static partial class SpecExporter
{
    private static readonly SpecExportJson Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // The content is data for a tracker, never embedded in HTML: "ö" and "`" stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static SpecExport Export(ExportedSpec spec, ExportFormat format)
    {
        switch (format)
        {
            case ExportFormat.Csv:
                var (csv, rows) = JiraCsv.Write(spec);
                return new SpecExport(spec.Id, ExportFormats.Name(format), "text/csv", rows, csv);
            case ExportFormat.Github:
                var issues = GithubIssues.Of(spec);
                return new SpecExport(spec.Id, ExportFormats.Name(format), "application/json", issues.Count, JsonSerializer.Serialize(issues, Json.IReadOnlyListGithubIssue) + "\n");
            default:
                return new SpecExport(spec.Id, ExportFormats.Name(format), "application/json", spec.Requirements.Count + spec.Tasks.Count, JsonSerializer.Serialize(spec, Json.ExportedSpec) + "\n");
        }
    }

    /// <summary>Compile-time metadata (no reflection, AOT-safe), bound to the options above.</summary>
    [JsonSerializable(typeof(ExportedSpec))]
    [JsonSerializable(typeof(IReadOnlyList<GithubIssue>))]
    private sealed partial class SpecExportJson : JsonSerializerContext;
}
