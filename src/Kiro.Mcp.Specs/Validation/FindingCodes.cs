namespace Kiro.Mcp.Specs.Validation;

/// <summary>
/// The stable codes of <see cref="Finding"/>. Clients and tests may depend on them: never rename one.
/// The severity each code is emitted with is noted beside it.
/// </summary>
public static class FindingCodes
{
    // requirements.md / bugfix.md

    /// <summary>Error: requirements.md has no "Requirement N" section at all.</summary>
    public const string RequirementsMissing = "requirements_missing";

    /// <summary>Warning: a requirement has no "**User Story:**".</summary>
    public const string UserStoryMissing = "user_story_missing";

    /// <summary>Error: a requirement has no acceptance criteria.</summary>
    public const string CriteriaMissing = "criteria_missing";

    /// <summary>Warning: a criterion (or an expected/unchanged bugfix clause) matches no EARS pattern.</summary>
    public const string EarsUnrecognized = "ears_unrecognized";

    /// <summary>Warning: a criterion uses a word that cannot be tested, such as "fast" or "user-friendly".</summary>
    public const string VagueTerm = "vague_term";

    /// <summary>Error: two requirements carry the same number.</summary>
    public const string RequirementNumberDuplicate = "requirement_number_duplicate";

    /// <summary>Warning: requirement numbering skips a number.</summary>
    public const string RequirementNumberGap = "requirement_number_gap";

    /// <summary>Error: two criteria of one requirement carry the same number, so a task reference to it is ambiguous.</summary>
    public const string CriterionNumberDuplicate = "criterion_number_duplicate";

    /// <summary>Warning: criterion numbering inside a requirement skips a number.</summary>
    public const string CriterionNumberGap = "criterion_number_gap";

    /// <summary>Error: bugfix.md lacks current (1.x), expected (2.x) or unchanged (3.x) behaviour clauses.</summary>
    public const string BugfixSectionMissing = "bugfix_section_missing";

    /// <summary>Warning: a current-behaviour clause (1.x) is not "WHEN &lt;condition&gt; THEN &lt;what happens&gt;" without SHALL.</summary>
    public const string DefectClauseFormat = "defect_clause_format";

    // design.md

    /// <summary>Warning: design.md lacks one of the sections Kiro writes (Overview, Architecture, ...).</summary>
    public const string DesignSectionMissing = "design_section_missing";

    /// <summary>Warning: a correctness property has no "**Validates: Requirements ...**" line.</summary>
    public const string PropertyValidatesMissing = "property_validates_missing";

    // design.md and tasks.md

    /// <summary>Error: a property or task cites a requirement or criterion id that does not exist.</summary>
    public const string ReferenceUnknown = "reference_unknown";

    // tasks.md

    /// <summary>Error: tasks.md exists but holds no task.</summary>
    public const string TasksMissing = "tasks_missing";

    /// <summary>Error: a line looks like a task but cannot be read as one.</summary>
    public const string TaskMalformed = "task_malformed";

    /// <summary>Error: two tasks carry the same id, so task tools cannot tell them apart.</summary>
    public const string TaskDuplicateId = "task_duplicate_id";

    /// <summary>Warning: a task cites no requirement, nor do its sub-tasks or its parent.</summary>
    public const string TaskWithoutRequirement = "task_without_requirement";

    /// <summary>Warning: an acceptance criterion is cited by no task.</summary>
    public const string CriterionUncovered = "criterion_uncovered";

    /// <summary>Error: a line still holds a [placeholder] from the template spec_create wrote.</summary>
    public const string TemplatePlaceholder = "template_placeholder";

    /// <summary>Warning: a done task's criteria or design sections changed after it was completed.</summary>
    public const string TaskNeedsRecheck = "task_needs_recheck";

    /// <summary>Info: no task has a _Verify: line and the workspace sets no verify.command, so task_complete checks nothing.</summary>
    public const string TasksUnverified = "tasks_unverified";

    /// <summary>Error, from kiro-mcp check --require-approved: work on the tasks has started while a document is not approved as it stands.</summary>
    public const string ApprovalRequired = "approval_required";

    /// <summary>Error, from kiro-mcp check: the spec's files could not be read or parsed at all.</summary>
    public const string SpecUnreadable = "spec_unreadable";

    /// <summary>Error, from kiro-mcp check --tests: a test that validates the criterion failed.</summary>
    public const string CriterionTestFailing = "criterion_test_failing";

    /// <summary>From kiro-mcp check --tests, once some test speaks for the spec: no passing test validates the criterion (an error with --coverage, else info).</summary>
    public const string CriterionUntested = "criterion_untested";

    /// <summary>Warning, from kiro-mcp check --tests: a test's tag names a property or criterion the spec does not have.</summary>
    public const string TestReferenceUnknown = "test_reference_unknown";
}
