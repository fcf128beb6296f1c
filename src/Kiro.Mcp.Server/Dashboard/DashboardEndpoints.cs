using System.Text.Json;
using Kiro.Mcp.Server.Audit;
using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Http;
using Kiro.Mcp.Server.Team;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// The dashboard beside /mcp: workspaces, a workspace's specs, a spec's documents and task board, approvals. Pages are
/// Razor slices rendered on the server and work without script; a small script reloads the page's main part when the
/// workspace changes on disk (<see cref="DashboardEvents"/>). Every form carries an antiforgery token.
/// </summary>
public static class DashboardEndpoints
{
    public static void MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", Workspaces);
        app.MapGet("/w/{workspace}", SpecsAsync);
        app.MapGet("/w/{workspace}/specs/{spec}", SpecAsync);
        app.MapGet("/w/{workspace}/specs/{spec}/trace", TraceAsync);
        app.MapGet("/w/{workspace}/specs/{spec}/diff/{document}", DiffAsync);
        app.MapPost("/w/{workspace}/specs/{spec}/decide", DecideAsync);
        app.MapGet("/w/{workspace}/events", DashboardEvents.StreamAsync);
        // The stylesheet and script are the same for everyone, and the sign-in page needs them before anyone has signed in.
        app.MapGet("/assets/{name}", DashboardAssets.Serve).AllowAnonymous();
        app.MapDashboardPages();
        if (KiroAuthentication.IsOn(app.Services.GetRequiredService<ServerSettings>()))
        {
            app.MapDashboardSignIn();
        }
    }

    // Handlers declare IResult: the Request Delegate Generator cannot see the slice types another generator makes.
#pragma warning disable CA1859 // see above
    private static IResult Workspaces(WorkspaceCatalog catalog) =>
        Slices.WorkspacesView.Create(new WorkspacesPage(catalog.Entries.Select(e => e.Name).ToList()));
#pragma warning restore CA1859

    private static async Task<IResult> SpecsAsync(string workspace, WorkspaceCatalog catalog, WorkspacePool pool, CancellationToken cancellationToken)
    {
        return await WorkspacePage.RenderAsync(workspace, catalog, pool, async services =>
        {
            var specs = services.GetRequiredService<SpecService>();
            var statuses = new List<SpecStatus>();
            var unreadable = new List<string>();
            foreach (var name in specs.Names())
            {
                try
                {
                    statuses.Add(await specs.StatusAsync(name, cancellationToken));
                }
                catch (KiroException e)
                {
                    unreadable.Add($"{name}: {e.Message}");
                }
            }
            return Slices.SpecsView.Create(new SpecsPage(workspace, statuses, unreadable));
        }, cancellationToken);
    }

    private static async Task<IResult> SpecAsync(
        string workspace, string spec, string? notice, WorkspaceCatalog catalog, WorkspacePool pool, IAntiforgery antiforgery, ServerSettings settings,
        HttpContext http, CancellationToken cancellationToken)
    {
        return await WorkspacePage.RenderAsync(workspace, catalog, pool, async services =>
        {
            var specs = services.GetRequiredService<SpecService>();
            SpecSnapshot snapshot;
            SpecStatus status;
            try
            {
                snapshot = await specs.LoadAsync(spec, cancellationToken);
                status = await specs.StatusAsync(spec, cancellationToken);
            }
            catch (KiroException e)
            {
                return WorkspacePage.NotFound(e.Message);
            }
            var documents = status.Documents.Where(d => d.Exists).Select(d =>
            {
                var kind = SpecLayout.TryParseDocument(d.Document)!.Value;
                return new RenderedDocument(d.Document, MarkdownHtml.Render(snapshot.Files[kind].Text, headingOffset: 3), d, snapshot.ApprovalVersionOf(kind)!);
            }).ToList();
            var tokens = antiforgery.GetAndStoreTokens(http);
            var role = RoleResolver.RoleIn(settings, CallerIdentity.Of(http.User), workspace);
            var plan = snapshot.Documents.Tasks is null ? null : await services.GetRequiredService<TaskService>().PlanAsync(spec, cancellationToken);
            return Slices.SpecView.Create(new SpecPage(workspace, status, documents, TaskBoard.Of(snapshot, plan), status.NeedsRecheck,
                tokens.FormFieldName, tokens.RequestToken!, role >= Role.Approver, Notice(notice)));
        }, cancellationToken);
    }

    private static async Task<IResult> DiffAsync(string workspace, string spec, string document, WorkspaceCatalog catalog, WorkspacePool pool, CancellationToken cancellationToken)
    {
        if (SpecLayout.TryParseDocument(document) is not { } kind)
        {
            return WorkspacePage.NotFound($"No document '{document}'.");
        }
        return await WorkspacePage.RenderAsync(workspace, catalog, pool, async services =>
        {
            SpecSnapshot snapshot;
            try
            {
                snapshot = await services.GetRequiredService<SpecService>().LoadAsync(spec, cancellationToken);
            }
            catch (KiroException e)
            {
                return WorkspacePage.NotFound(e.Message);
            }
            var lines = ApprovedDiff.Of(snapshot, kind, SpecLayout.Document(spec, kind), services.GetRequiredService<GitHistory>());
            return Slices.DiffView.Create(new DiffPage(workspace, spec, SpecLayout.Name(kind), snapshot.ApprovalOf(kind), lines));
        }, cancellationToken);
    }

    private static async Task<IResult> TraceAsync(string workspace, string spec, WorkspaceCatalog catalog, WorkspacePool pool, CancellationToken cancellationToken)
    {
        return await WorkspacePage.RenderAsync(workspace, catalog, pool, async services =>
        {
            var specs = services.GetRequiredService<SpecService>();
            var criteria = new List<CriterionTrace>();
            try
            {
                // spec_trace pages for a model's token budget; a page in a browser takes them all.
                string? cursor = null;
                do
                {
                    var page = await specs.TraceAsync(spec, null, cursor, SpecService.MaxPageSize, cancellationToken);
                    criteria.AddRange(page.Criteria);
                    cursor = page.NextCursor;
                }
                while (cursor is not null);
            }
            catch (KiroException e)
            {
                return WorkspacePage.NotFound(e.Message);
            }
            return Slices.TraceView.Create(new TracePage(workspace, spec, criteria));
        }, cancellationToken);
    }

    /// <summary>
    /// Approve a document, or ask for changes with a comment, under the same rules as spec_approve: the gates, the version
    /// the reviewer saw (a document changed since is refused as stale), the user's identity and role, the second-person rule.
    /// </summary>
    private static async Task<IResult> DecideAsync(
        string workspace, string spec, IAntiforgery antiforgery, WorkspaceCatalog catalog, WorkspacePool pool, ServerSettings settings,
        HttpContext http, CancellationToken cancellationToken)
    {
        // Checked here, before the form is read: a page of another site can post a form to a local server, but it cannot
        // read the token this server put in its own page.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Text("The form's antiforgery token is missing or wrong. Reload the page and decide again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var (document, version, decision, comment) = (form["document"].ToString(), form["version"].ToString(), form["decision"].ToString(), (string?)form["comment"]);
        if (catalog.Find(workspace) is not { } entry)
        {
            return WorkspacePage.NotFound($"No workspace '{workspace}'.");
        }
        var identity = CallerIdentity.Of(http.User);
        var actor = new Actor(identity.Id, identity.Name, identity.Email, identity.Verified, "dashboard");
        var (host, lease) = await pool.EnterAsync(entry, cancellationToken);
        using (lease)
        {
            var specs = host.Services.GetRequiredService<SpecService>();
            async Task<string> DecideCoreAsync()
            {
                // Not "role < Approver": a user with no role at all (null) would compare false and pass.
                if (!(RoleResolver.RoleIn(settings, identity, workspace) >= Role.Approver))
                {
                    throw new KiroException("role_required", $"Approving needs the approver role in '{workspace}'; you ({identity.Name}) do not have it.");
                }
                if (decision == "request_changes")
                {
                    await specs.RequestChangesAsync(spec, document, actor, comment, cancellationToken);
                    return "changes_requested";
                }
                var secondPerson = Tools.Caller.NeedsSecondPerson(settings, workspace, actor);
                // The gates and the second-person rule, as for spec_approve; then the version the reviewer saw must
                // still be the document's, or they approved text that is no longer there.
                var current = await specs.CheckApprovableAsync(spec, document, actor, secondPerson, cancellationToken);
                if (current != version)
                {
                    throw new KiroException("version_conflict", $"{document}.md changed after the page was loaded. Reload, read the new text and decide again.");
                }
                var outcome = await specs.ApproveAsync(spec, document, version, actor, comment, secondPerson, cancellationToken);
                return outcome.Approved ? "approved" : "not_approved";
            }
            string notice;
            try
            {
                // Logged as spec_approve is over MCP (AuditFilter): same tool name, arguments, outcome and document versions.
                notice = http.RequestServices.GetRequiredService<AuditLogs>().For(workspace) is { } log
                    ? await new AuditedCall(log, identity, workspace, "spec_approve", spec, ApproveArguments(spec, document, decision == "request_changes" ? decision : "approve", comment)).RunAsync(
                        specs, http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System,
                        http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(DashboardEndpoints)), DecideCoreAsync, _ => "ok", cancellationToken)
                    : await DecideCoreAsync();
            }
            catch (KiroException e)
            {
                // Plain text like the other refusals: ProblemDetails would need JSON serialisation by reflection, which is off.
                return Results.Text($"[{e.Code}] {e.Message}", "text/plain; charset=utf-8",
                    statusCode: e.Code == "role_required" ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict);
            }
            // Post/redirect/get: a reload does not submit the decision again.
            return Results.Redirect($"/w/{Uri.EscapeDataString(workspace)}/specs/{Uri.EscapeDataString(spec)}?notice={notice}#document-{Uri.EscapeDataString(document)}");
        }
    }

    /// <summary>The arguments spec_approve would have had, for the audit log (the comment becomes spec_approve's 'note').</summary>
    private static Dictionary<string, JsonElement> ApproveArguments(string spec, string document, string decision, string? comment)
    {
        var arguments = new System.Text.Json.Nodes.JsonObject { ["spec"] = spec, ["document"] = document, ["decision"] = decision };
        if (!string.IsNullOrEmpty(comment))
        {
            arguments["note"] = comment;
        }
        return JsonSerializer.SerializeToElement(arguments, AuditJsonContext.Default.JsonObject).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }


    private static string? Notice(string? code) => code switch
    {
        "approved" => "Approved.",
        "changes_requested" => "Changes requested: the assistant sees your comment in its next result.",
        "not_approved" => "Not approved.",
        _ => null,
    };
}
