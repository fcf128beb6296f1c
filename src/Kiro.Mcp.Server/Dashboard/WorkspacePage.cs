using Kiro.Mcp.Server.Workspaces;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// What every workspace page does first: finds the workspace by name (404 for an unknown one) and holds it loaded while the
/// page is rendered from its services.
/// </summary>
public static class WorkspacePage
{
    public static async Task<IResult> RenderAsync(
        string workspace, WorkspaceCatalog catalog, WorkspacePool pool, Func<IServiceProvider, Task<IResult>> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(render);
        if (catalog.Find(workspace) is not { } entry)
        {
            return NotFound($"No workspace '{workspace}'.");
        }
        var (host, lease) = await pool.EnterAsync(entry, cancellationToken);
        using (lease)
        {
            return await render(host.Services);
        }
    }

    /// <summary>Plain text, not JSON: nothing to serialise (the server has no reflection-based JSON).</summary>
    public static IResult NotFound(string message) => Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
