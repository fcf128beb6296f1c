using System.Globalization;
using System.Text;

namespace Kiro.Mcp.Bench;

/// <summary>Writes a workspace with one large spec, "big", shaped like what Kiro itself produces.</summary>
internal static class SpecGenerator
{
    public const string SpecName = "big";
    public const int CriteriaPerRequirement = 3;
    public const int TasksPerGroup = 4;

    /// <summary>Writes the workspace and returns the leaf task ids in document order.</summary>
    public static IReadOnlyList<string> Write(string workspace, int requirements, int tasks)
    {
        var spec = Path.Combine(workspace, ".kiro", "specs", SpecName);
        var settings = Path.Combine(workspace, ".kiro", "settings");
        Directory.CreateDirectory(spec);
        Directory.CreateDirectory(settings);

        File.WriteAllText(Path.Combine(spec, ".config.kiro"),
            """{"specId": "00000000-0000-0000-0000-000000000001", "workflowType": "requirements-first", "specType": "feature"}""");
        // Quick mode has no approval gates, so task_start works without approving each document first.
        File.WriteAllText(Path.Combine(spec, ".workflow.json"), """{"quick": true, "approvals": {}}""");
        // A real but trivial command, so task_complete pays the cost of launching a verification process.
        File.WriteAllText(Path.Combine(settings, "kiro-mcp.json"), """{"verify": {"command": "true", "timeoutSeconds": 60}}""");

        File.WriteAllText(Path.Combine(spec, "requirements.md"), Requirements(requirements));
        File.WriteAllText(Path.Combine(spec, "design.md"), Design());
        var (text, leafIds) = TaskPlan(requirements, tasks);
        File.WriteAllText(Path.Combine(spec, "tasks.md"), text);
        return leafIds;
    }

    private static string Requirements(int count)
    {
        var sb = new StringBuilder();
        sb.Append("# Requirements Document\n\n## Introduction\n\nA generated spec for benchmarking the server.\n\n## Requirements\n");
        for (var i = 1; i <= count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n### Requirement {i}: Capability {i}\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"**User Story:** As a user, I want capability {i}, so that it works.\n\n");
            sb.Append("#### Acceptance Criteria\n\n");
            for (var c = 1; c <= CriteriaPerRequirement; c++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{c}. WHEN the user triggers event {i}.{c}, THE System SHALL respond within 200 ms\n");
            }
        }
        return sb.ToString();
    }

    private static string Design() =>
        """
        # Design Document

        ## Overview

        A generated design for benchmarking the server.

        ## Architecture

        One process that reads and writes the spec documents.

        ## Components and Interfaces

        The capabilities share one event handler.

        ## Data Models

        Events carry an id and a timestamp.

        ## Error Handling

        Failures are reported to the user.

        ## Testing Strategy

        Each criterion has a unit test.

        """.ReplaceLineEndings("\n");

    private static (string Text, IReadOnlyList<string> LeafIds) TaskPlan(int requirements, int tasks)
    {
        var sb = new StringBuilder("# Implementation Plan\n\n");
        var leafIds = new List<string>(tasks);
        var criteria = requirements * CriteriaPerRequirement;
        var groups = (tasks + TasksPerGroup - 1) / TasksPerGroup;
        for (var g = 1; g <= groups; g++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- [ ] {g}. Group {g}\n");
            for (var k = 1; k <= TasksPerGroup && leafIds.Count < tasks; k++)
            {
                // Cycling through every criterion id keeps the spec fully traced, as validation expects.
                var criterion = leafIds.Count % criteria;
                var r = (criterion / CriteriaPerRequirement) + 1;
                var c = (criterion % CriteriaPerRequirement) + 1;
                var id = string.Create(CultureInfo.InvariantCulture, $"{g}.{k}");
                sb.Append(CultureInfo.InvariantCulture, $"  - [ ] {id} Task {id}\n");
                sb.Append(CultureInfo.InvariantCulture, $"    - _Requirements: {r}.{c}_\n");
                leafIds.Add(id);
            }
        }
        return (sb.ToString(), leafIds);
    }
}
