using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Resources;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Team;

/// <summary>
/// Where roles (<see cref="RoleResolver"/>, <see cref="ToolRoles"/>) meet the protocol: a call beyond the
/// caller's role in the workspace it is for is refused with the role it needs, and tools/list and
/// prompts/list show only what the caller may use, in the endpoint's workspace (<c>/mcp/NAME</c>) or, on
/// an endpoint serving several, in at least one of them (the call still checks the one it names). On a
/// server that authenticates nobody every filter steps aside.
/// </summary>
public static class RoleFilters
{
    /// <summary>Runs after the workspace is bound: steering_generate's role depends on the workspace's trust.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || Settings(context) is not { } settings)
            {
                return await next(context, cancellationToken);
            }
            var name = tool.ProtocolTool.Name;
            var caller = CallerIdentity.Of(context.User);
            var selector = context.Services!.GetRequiredService<WorkspaceSelector>();
            if (WorkspaceArgument.IsWorkspaceFree(tool))
            {
                Require(ToolRoles.Listed(name), RoleResolver.HighestIn(settings, caller, Visible(context, selector)), name, workspace: null, caller);
            }
            else
            {
                var workspace = selector.Choose(context, WorkspaceArgument.Of(context.Params?.Arguments)).Name;
                var trusted = name == ToolRoles.SteeringGenerate && context.Services!.GetService<WorkspaceTrust>()?.IsTrusted == true;
                Require(ToolRoles.Required(name, context.Params?.Arguments, trusted), RoleResolver.RoleIn(settings, caller, workspace), name, workspace, caller);
            }
            return await next(context, cancellationToken);
        };

    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> ListTools(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            if (Settings(context) is { } settings)
            {
                var role = VisibleRole(context, settings);
                result.Tools = [.. result.Tools.Where(t => role >= ToolRoles.Listed(t.Name))];
                // The list is this caller's: no cache may hand it to another.
                result.CacheScope = CacheScope.Private;
            }
            return result;
        };

    public static McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> ListPrompts(McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            if (Settings(context) is { } settings)
            {
                var role = VisibleRole(context, settings);
                result.Prompts = [.. result.Prompts.Where(p => role >= ToolRoles.ForPrompt(p.Name))];
                result.CacheScope = CacheScope.Private;
            }
            return result;
        };

    public static McpRequestHandler<GetPromptRequestParams, GetPromptResult> Prompts(McpRequestHandler<GetPromptRequestParams, GetPromptResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.Params is { } request && Settings(context) is { } settings)
            {
                string? requested = request.Arguments is { } arguments && arguments.TryGetValue(WorkspaceSelector.Argument, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
                    ? value.GetString() : null;
                var (workspace, role) = RoleFor(context, settings, requested);
                Refuse(ToolRoles.ForPrompt(request.Name), role, request.Name, workspace, CallerIdentity.Of(context.User));
            }
            return await next(context, cancellationToken);
        };

    /// <summary>resources/list names every workspace's specs: only those of workspaces the caller may read.</summary>
    public static McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> ListResources(McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            if (Settings(context) is { } settings)
            {
                var caller = CallerIdentity.Of(context.User);
                var roles = new Dictionary<string, bool>(StringComparer.Ordinal);
                result.Resources = [.. result.Resources.Where(r => ResourceUris.WorkspaceOf(r.Uri) is not { } workspace
                    || (roles.TryGetValue(workspace, out var may) ? may : roles[workspace] = RoleResolver.RoleIn(settings, caller, workspace) >= ToolRoles.Reading))];
                result.CacheScope = CacheScope.Private;
            }
            return result;
        };

    /// <summary>Runs before the workspace is bound: an unknown workspace is left to it to refuse.</summary>
    public static McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> Resources(McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> next) =>
        async (context, cancellationToken) =>
        {
            CheckResource(context, context.Params?.Uri, "reading resources");
            return await next(context, cancellationToken);
        };

    public static McpRequestHandler<SubscribeRequestParams, EmptyResult> Subscriptions(McpRequestHandler<SubscribeRequestParams, EmptyResult> next) =>
        async (context, cancellationToken) =>
        {
            CheckResource(context, context.Params?.Uri, "subscribing to resources");
            return await next(context, cancellationToken);
        };

    /// <summary>Completions name specs and documents: nothing to offer a caller who may not read the workspace.</summary>
    public static McpRequestHandler<CompleteRequestParams, CompleteResult> Completions(McpRequestHandler<CompleteRequestParams, CompleteResult> next) =>
        async (context, cancellationToken) =>
        {
            if (Settings(context) is { } settings)
            {
                string? requested = null;
                context.Params?.Context?.Arguments?.TryGetValue(WorkspaceSelector.Argument, out requested);
                if (!(RoleFor(context, settings, requested).Role >= ToolRoles.Reading))
                {
                    return new CompleteResult { Completion = new Completion { Values = [], Total = 0, HasMore = false } };
                }
            }
            return await next(context, cancellationToken);
        };

    /// <summary>Refuses a caller who may not read the workspace a kiro:// address names (also for subscriptions/listen, which has no filter).</summary>
    public static void CheckResource(MessageContext context, string? uri, string what)
    {
        if (uri is null || !uri.StartsWith(ResourceUris.Scheme, StringComparison.Ordinal) || Settings(context) is not { } settings)
        {
            return;
        }
        WorkspaceEntry entry;
        try
        {
            entry = context.Services!.GetRequiredService<WorkspaceSelector>().Choose(context, ResourceUris.WorkspaceOf(uri) ?? "");
        }
        catch (KiroException)
        {
            return;
        }
        Refuse(ToolRoles.Reading, RoleResolver.RoleIn(settings, CallerIdentity.Of(context.User), entry.Name), what, entry.Name, CallerIdentity.Of(context.User));
    }

    /// <summary>Whether the caller may read the workspace: always, unless the server authenticates and the policy says otherwise.</summary>
    public static bool MayRead(MessageContext context, string workspace) =>
        Settings(context) is not { } settings || RoleResolver.RoleIn(settings, CallerIdentity.Of(context.User), workspace) >= ToolRoles.Reading;

    /// <summary>The settings when roles apply (the server authenticates its callers), else null.</summary>
    private static ServerSettings? Settings(MessageContext context) =>
        context.Services?.GetService<ServerSettings>() is { } settings && RoleResolver.Authenticates(settings) ? settings : null;

    /// <summary>The workspaces a list is for: the endpoint's, or every one it serves.</summary>
    private static IEnumerable<string> Visible(MessageContext context, WorkspaceSelector selector) =>
        WorkspaceSelector.Pinned(context) is { } pinned ? [pinned] : selector.Catalog.Entries.Select(e => e.Name);

    private static Role? VisibleRole(MessageContext context, ServerSettings settings) =>
        RoleResolver.HighestIn(settings, CallerIdentity.Of(context.User), Visible(context, context.Services!.GetRequiredService<WorkspaceSelector>()));

    /// <summary>The role in the workspace a request names; when it names none the selector accepts, the highest the endpoint's workspaces give.</summary>
    private static (string? Workspace, Role? Role) RoleFor(MessageContext context, ServerSettings settings, string? requested)
    {
        var selector = context.Services!.GetRequiredService<WorkspaceSelector>();
        var caller = CallerIdentity.Of(context.User);
        try
        {
            var workspace = selector.Choose(context, requested).Name;
            return (workspace, RoleResolver.RoleIn(settings, caller, workspace));
        }
        catch (KiroException)
        {
            return (null, RoleResolver.HighestIn(settings, caller, Visible(context, selector)));
        }
    }

    private static void Require(Role needed, Role? role, string what, string? workspace, CallerIdentity caller)
    {
        if (!(role >= needed))
        {
            throw new KiroException("role_required", Message(needed, role, what, workspace, caller));
        }
    }

    /// <summary>Prompts and resources have no tool result to carry the refusal: it is a protocol error with the same words.</summary>
    private static void Refuse(Role needed, Role? role, string what, string? workspace, CallerIdentity caller)
    {
        if (!(role >= needed))
        {
            throw new McpProtocolException("[role_required] " + Message(needed, role, what, workspace, caller), McpErrorCode.InvalidRequest);
        }
    }

    private static string Message(Role needed, Role? role, string what, string? workspace, CallerIdentity caller) =>
        $"{what} needs the {Name(needed)} role in {(workspace is null ? "a workspace" : $"workspace '{workspace}'")}; you ({caller.Name}) have {(role is { } r ? Name(r) : workspace is null ? "no role in any workspace" : "no role there")}.";

    private static string Name(Role role) => role.ToString().ToLowerInvariant();
}
