using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Workflow;

/// <summary>
/// First drafts in Kiro's current style (glossary, "THE X SHALL", correctness properties, optional and
/// checkpoint tasks), and the authoring guidance that goes with each document.
/// </summary>
public static class SpecTemplates
{
    public static string For(DocumentKind kind, string? description) => kind switch
    {
        DocumentKind.Requirements => Requirements(description),
        DocumentKind.Bugfix => Bugfix(description),
        DocumentKind.Design => Design(description),
        DocumentKind.Tasks => Tasks,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Guidance(DocumentKind kind) => kind switch
    {
        DocumentKind.Requirements => RequirementsGuidance,
        DocumentKind.Bugfix => BugfixGuidance,
        DocumentKind.Design => DesignGuidance,
        DocumentKind.Tasks => TasksGuidance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Introduction(string? description) =>
        string.IsNullOrWhiteSpace(description) ? "[What this feature is for, in two or three sentences.]" : description.Trim();

    private static string Requirements(string? description) => $"""
        # Requirements Document

        ## Introduction

        {Introduction(description)}

        ## Glossary

        - **System**: [The component these requirements constrain; name real components, e.g. Workout_Logger]

        ## Requirements

        ### Requirement 1: [Capability]

        **User Story:** As a [role], I want [capability], so that [benefit]

        #### Acceptance Criteria

        1. WHEN [event], THE [System] SHALL [observable response]
        2. IF [unwanted condition], THEN THE [System] SHALL [response]

        """;

    private static string Bugfix(string? description) => $"""
        # Bugfix Requirements Document

        ## Introduction

        {Introduction(description)}

        ## Bug Analysis

        ### Current Behavior (Defect)

        1.1 WHEN [condition] THEN the system [does the wrong thing]

        ### Expected Behavior (Correct)

        2.1 WHEN [condition] THEN the system SHALL [do the right thing]

        ### Unchanged Behavior (Regression Prevention)

        3.1 WHEN [related condition] THEN the system SHALL CONTINUE TO [keep working as before]

        """;

    private static string Design(string? description) => $"""
        # Design Document

        ## Overview

        {Introduction(description)}

        ## Architecture

        [Components and how data flows between them; a mermaid diagram helps.]

        ## Components and Interfaces

        ### [Component]

        [Responsibility, file, interface.]

        ## Data Models

        [Types, fields, invariants.]

        ## Correctness Properties

        ### Property 1: [Name]

        *For any* [input], [property that must hold].

        **Validates: Requirements 1.1**

        ## Error Handling

        [What can fail and what the user sees.]

        ## Testing Strategy

        [Unit, property-based and integration tests.]

        """;

    private const string Tasks = """
        # Implementation Plan

        ## Tasks

        - [ ] 1. [First coding step]
          - [What to build, naming files and components]
          - _Requirements: 1.1_
          - _Verify: [command that proves it, e.g. npm test]_

        - [ ] 2. Checkpoint - [what must work now]
          - Ensure all tests pass, ask the user if questions arise.
          - _Depends: 1_

        """;

    private const string RequirementsGuidance = """
        requirements.md: '# Requirements Document', '## Introduction', optional '## Glossary' (- **Term**: meaning), '## Requirements', then one '### Requirement N: Title' per capability with '**User Story:** As a <role>, I want <capability>, so that <benefit>' and '#### Acceptance Criteria' as a numbered list (criterion M of requirement N is cited as N.M). Write every criterion in EARS: ubiquitous 'THE <System> SHALL <response>'; event 'WHEN <trigger>, THE <System> SHALL <response>'; state 'WHILE <state>, THE <System> SHALL <response>'; unwanted 'IF <condition>, THEN THE <System> SHALL <response>'; optional 'WHERE <feature>, THE <System> SHALL <response>'. One testable behaviour per criterion; no vague words (fast, easy, robust): give numbers. Cover edge cases and errors.
        """;

    private const string BugfixGuidance = """
        bugfix.md: '# Bugfix Requirements Document', '## Introduction', '## Bug Analysis' with three sections of numbered clauses: '### Current Behavior (Defect)' (1.1 WHEN <condition> THEN the system <wrong result>), '### Expected Behavior (Correct)' (2.1 WHEN <condition> THEN the system SHALL <right result>) and '### Unchanged Behavior (Regression Prevention)' (3.1 WHEN <condition> THEN the system SHALL CONTINUE TO <behaviour>). Tasks cite clauses by number (_Requirements: 2.1_).
        """;

    private const string DesignGuidance = """
        design.md: '## Overview', '## Architecture', '## Components and Interfaces', '## Data Models', '## Correctness Properties' (each '### Property N: Name', a '*For any* …' statement, and '**Validates: Requirements 1.1, 2.3**' naming existing criteria), '## Error Handling', '## Testing Strategy'. Use mermaid for diagrams; name files and interfaces.
        """;

    private const string TasksGuidance = """
        tasks.md: '# Implementation Plan' then a numbered checkbox list, at most two levels: '- [ ] 1. Title' with sub-tasks '  - [ ] 1.1 Title'. Under each task, detail bullets and '  - _Requirements: 1.1, 2.3_' citing the criteria it implements (every criterion should be covered by some task). Mark optional tasks '- [ ]* 2.2 …' and add '- [ ] N. Checkpoint - …' tasks where all tests must pass. Coding tasks only: no deployment or user testing. Verification: task_complete runs a task's '  - _Verify: <command>_' line (e.g. '_Verify: npm test_'), else the workspace default in .kiro/settings/kiro-mcp.json ({"verify": {"command": "npm test"}}), and marks the task done only if it passes; without either it checks nothing. With "results": "TestResults/*.trx" beside that command, the JUnit XML or TRX files it writes are recorded as test evidence per criterion (tests tagged 'Feature: <spec>, Property N: …' or 'Feature: <spec>, Requirements: 1.2'). Order: '  - _Depends: 1.2, 3_' makes a task wait for others (task_next and task_plan follow it; Kiro ignores it).
        """;
}
