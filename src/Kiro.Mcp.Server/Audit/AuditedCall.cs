using System.Text.Json;
using Kiro.Mcp.Server.Team;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Audit;

/// <summary>
/// One call that can change something, recorded in its workspace's audit log after it ran: who, which tool, a summary of
/// the arguments, the outcome, and for a call on a spec the versions of its documents before and after. The MCP filter
/// (<see cref="AuditFilter"/>) and the dashboard's approve and request-changes forms both record through this, so a decision
/// made in a browser is logged exactly as <c>spec_approve</c> over MCP is.
/// </summary>
/// <param name="Spec">The spec the call is about, or null; its document versions are read around the call.</param>
public sealed record AuditedCall(AuditLog Log, CallerIdentity Caller, string Workspace, string Tool, string? Spec, IDictionary<string, JsonElement>? Arguments)
{
    /// <summary>Runs <paramref name="call"/> and records it, whether it succeeded, failed with a code, or was cancelled.</summary>
    /// <param name="outcomeOf">The outcome of a call that returned ("ok", or an error code a result carries).</param>
    public async Task<T> RunAsync<T>(SpecService? specs, TimeProvider time, ILogger? logger, Func<Task<T>> call, Func<T, string> outcomeOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(outcomeOf);
        var before = await VersionsAsync(specs, cancellationToken);
        var outcome = "ok";
        try
        {
            var result = await call();
            outcome = outcomeOf(result);
            return result;
        }
        catch (KiroException e)
        {
            outcome = e.Code;
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        catch (Exception)
        {
            outcome = "error";
            throw;
        }
        finally
        {
            // A call that was answered must not be turned into an error by its log entry: the change already happened.
            await AppendAsync(outcome, before, specs, time, logger);
        }
    }

    private async Task AppendAsync(string outcome, IReadOnlyDictionary<string, string>? before, SpecService? specs, TimeProvider time, ILogger? logger)
    {
        try
        {
            // Not the request's token: a cancelled call is still recorded.
            var after = await VersionsAsync(specs, CancellationToken.None);
            await Log.AppendAsync(new AuditEntry(0, "", time.GetUtcNow(), Caller.Id, Caller.Name, Caller.Verified, Workspace, Tool, Spec,
                ArgumentSummary.Of(Arguments), outcome, before, after), CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KiroException or InvalidDataException)
        {
            logger?.LogError(e, "The call of {Tool} in workspace {Workspace} could not be added to the audit log {Log}", Tool, Workspace, Log.FilePath);
        }
    }

    /// <summary>The version of each document that exists, or null when the spec cannot be read (it does not exist yet, or the name is not one).</summary>
    private async Task<IReadOnlyDictionary<string, string>?> VersionsAsync(SpecService? specs, CancellationToken cancellationToken)
    {
        if (specs is null || Spec is null)
        {
            return null;
        }
        try
        {
            return await specs.VersionsAsync(Spec, cancellationToken);
        }
        catch (KiroException)
        {
            return null;
        }
    }
}
