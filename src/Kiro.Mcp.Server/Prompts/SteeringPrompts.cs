using System.ComponentModel;
using Kiro.Mcp.Server.Workspaces;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Prompts;

/// <summary>Prompts for steering: generating Kiro's foundational documents and refining them with the user.</summary>
[McpServerPromptType]
public sealed class SteeringPrompts
{
    [McpServerPrompt(Name = "bootstrap_steering", Title = "Bootstrap steering")]
    [Description("Has the assistant generate product.md, tech.md and structure.md from the repository and then refine them with you.")]
    public static string BootstrapSteering(
        WorkspaceSelector selector,
        RequestContext<GetPromptRequestParams> context,
        [Description(WorkspaceArgument.Description)] string? workspace = null) =>
        $"""
            {PromptWorkspace.Line(selector, context, workspace)}Set up Kiro steering for this repository with the kiro-mcp tools, the way Kiro's "Generate Steering Docs" does:
            1. Call steering_generate. It analyses the workspace (projects, manifests, CI workflows, git history, README) and writes .kiro/steering/product.md, tech.md and structure.md (inclusion: always).
            2. If a document comes back as kept_hand_edited, it was edited by hand and left alone: show me its diff and ask whether to merge parts of it by hand or regenerate it with force. Never use force without my say-so.
            3. Read the three documents. Check what you can against the code (a few files, the build), and fix what is wrong or misleading by editing the files.
            4. product.md contains only what the README and docs say; every "> **Question for the user:**" line is something they do not say. Ask me those questions, one short message for all of them, and write my answers in place of the questions. Do not invent answers.
            5. Ask me about conventions the analysis cannot see (naming, error handling, testing rules, things to avoid) and add them to structure.md or tech.md.
            6. Show me a short summary of what each document now says. Steering is included in every task context, so keep the documents short and factual.
            """;
}
