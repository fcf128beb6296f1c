using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// Which command verifies a task: the task's own <c>_Verify: &lt;command&gt;_</c> line, or the workspace
/// default in <c>.kiro/settings/kiro-mcp.json</c>: <c>{"verify": {"command": "dotnet test", "timeoutSeconds": 600}}</c>.
/// <c>"results": "TestResults/*.trx"</c> names the JUnit XML or TRX files the command writes: their tagged tests become
/// the run's evidence (<see cref="Evidence.ResultsFiles"/>).
/// </summary>
public static partial class VerificationSettings
{
    public const string Path = ".kiro/settings/kiro-mcp.json";

    /// <summary>The settings file's smallest useful content, as the tools show it.</summary>
    public const string Example = """{"verify": {"command": "npm test"}}""";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    public static async Task<(string? Command, TimeSpan Timeout)> ForAsync(FileStore store, TaskItem task, CancellationToken cancellationToken)
    {
        var own = task.Details.Select(d => VerifyLine().Match(d)).FirstOrDefault(m => m.Success)?.Groups["command"].Value.Trim();
        var settings = await store.ReadAsync(Path, cancellationToken);
        string? command = null;
        var timeout = DefaultTimeout;
        if (settings is not null)
        {
            try
            {
                var verify = JsonNode.Parse(settings.Text)?["verify"];
                command = verify?["command"]?.GetValue<string>();
                if (verify?["timeoutSeconds"]?.GetValue<int>() is { } seconds and > 0)
                {
                    timeout = TimeSpan.FromSeconds(seconds);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new KiroException("settings_invalid", $"'{Path}' is not valid JSON ({e.Message}). Fix it, e.g. {{\"verify\": {{\"command\": \"dotnet test\", \"timeoutSeconds\": 600}}}}.");
            }
        }
        return (string.IsNullOrWhiteSpace(own) ? command : own, timeout);
    }

    /// <summary>The <c>verify.results</c> glob, checked (a plain relative path inside the workspace), or null when none is set.</summary>
    /// <exception cref="KiroException">settings_invalid, or results_outside_workspace for a glob that leaves the workspace.</exception>
    public static async Task<string?> ResultsAsync(FileStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var settings = await store.ReadAsync(Path, cancellationToken);
        if (settings is null)
        {
            return null;
        }
        string? results;
        try
        {
            results = JsonNode.Parse(settings.Text)?["verify"]?["results"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new KiroException("settings_invalid", $"'{Path}' is not valid ({e.Message}). verify.results is one glob, e.g. {{\"verify\": {{\"command\": \"dotnet test --logger trx\", \"results\": \"TestResults/*.trx\"}}}}.");
        }
        if (string.IsNullOrWhiteSpace(results))
        {
            return null;
        }
        Evidence.ResultsFiles.CheckPattern(results.Trim());
        return results.Trim();
    }

    /// <summary>True when the task carries its own <c>_Verify: &lt;command&gt;_</c> line.</summary>
    public static bool HasOwnCommand(TaskItem task) => task.Details.Any(d => VerifyLine().IsMatch(d));

    // "_Verify: npm test_" or "Verify: `npm test`": the command may itself contain underscores, so only
    // a trailing underscore (Kiro's italics) and surrounding backticks are stripped.
    [GeneratedRegex(@"^[\s*]*_?Verify\s*:\s*`?(?<command>.+?)`?_?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex VerifyLine();
}
