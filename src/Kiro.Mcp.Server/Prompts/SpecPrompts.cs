using System.ComponentModel;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Server.Workspaces;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Prompts;

/// <summary>Prompts that teach an assistant Kiro's workflow, in Kiro's own words where they exist.</summary>
/// <remarks>
/// Each returns its text, which the SDK sends as one user message. A <c>ChatMessage</c> would send the same, but the SDK
/// builds a JSON schema of a prompt method's return type when the server starts, and ChatMessage's reaches every kind of
/// AI content: about half of a native server's start-up went into it.
/// </remarks>
[McpServerPromptType]
public sealed class SpecPrompts
{
    [McpServerPrompt(Name = "spec_workflow", Title = "Spec a feature")]
    [Description("Walks the assistant through Kiro's spec workflow (requirements → design → tasks) for a feature you describe.")]
    public static string SpecWorkflow(
        [Description("The feature or bug in your own words, e.g. 'let users log workouts'.")] string description,
        WorkspaceSelector selector,
        RequestContext<GetPromptRequestParams> context,
        [Description(WorkspaceArgument.Description)] string? workspace = null) =>
        $"""
            Let's build this with a spec, the way Kiro does: {description}

            {PromptWorkspace.Line(selector, context, workspace)}Work through it with the kiro-mcp tools, one phase at a time:
            1. Think of a short kebab-case name and call spec_create (type 'bugfix' if this is a defect; workflow 'design-first' only if I already have a design).
            2. Write the first document with spec_write, following the guidance spec_create returns. For requirements: a user story per requirement and numbered EARS acceptance criteria ("WHEN <event>, THE <System> SHALL <response>"). Write a complete first version without asking me a series of questions first.
            3. Call spec_validate and fix every error (and the warnings that matter) with spec_write.
            4. Show me the document and ask: "Do the requirements look good? If so, we can move on to the design." Do not continue until I clearly approve ("yes", "approved", "looks good"). Then call spec_approve. If I ask for changes, revise and ask again.
            5. Do the same for design.md (Overview, Architecture, Components and Interfaces, Data Models, Correctness Properties with **Validates: Requirements N.M**, Error Handling, Testing Strategy): "Does the design look good? If so, we can move on to the implementation plan."
            6. Then tasks.md: a numbered checkbox list of coding tasks (at most two levels), each citing the criteria it implements with _Requirements: N.M_, so that spec_validate reports every criterion covered. Give each task a check that task_complete runs: a '_Verify: <command>_' line under it (e.g. _Verify: npm test_), or one default for every task in {VerificationSettings.Path} ({VerificationSettings.Example}). Where a task needs another done first, add '_Depends: N.M_'. Ask: "Do the tasks look good?"
            7. Stop once the tasks are approved; spec_status tells you the next action at any time. Implement tasks only when I ask, one at a time.
            """;

    [McpServerPrompt(Name = "execute_task", Title = "Execute a task")]
    [Description("Has the assistant carry out the next task of a spec (or the one you name) the way Kiro runs spec tasks.")]
    public static string ExecuteTask(
        [Description("Spec name.")] string spec,
        WorkspaceSelector selector,
        RequestContext<GetPromptRequestParams> context,
        [Description("Task id such as '2.1'; leave empty for the next task.")] string? taskId = null,
        [Description(WorkspaceArgument.Description)] string? workspace = null) =>
        $"""
            {PromptWorkspace.Line(selector, context, workspace)}Execute {(string.IsNullOrWhiteSpace(taskId) ? "the next task" : $"task {taskId}")} of spec '{spec}' with the kiro-mcp tools:
            1. {(string.IsNullOrWhiteSpace(taskId) ? $"Call task_next(spec: '{spec}') to find the task, then task_start" : $"Call task_start(spec: '{spec}', taskId: '{taskId}')")}: it marks the task in progress and returns its context (details, acceptance criteria, design sections, rules).
            2. Implement only that task. If it has sub-tasks, do the sub-tasks first, one at a time.
            3. Check the result against every acceptance criterion in the context.
            4. Call task_complete with a one-line summary. If verification fails, fix the cause and call it again; never mark a task done by hand.
            5. Stop and let me review before the next task.
            """;
}
