using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Validation;

/// <summary>The checks of requirements.md and bugfix.md.</summary>
internal static class RequirementsRules
{
    private const string EarsHint =
        "Rewrite as 'WHEN <event>, THE <System> SHALL <response>' (or WHILE/IF…THEN/WHERE, or 'THE <System> SHALL …').";

    // Kiro's bugfix.md: the three analysis sections are requirements 1, 2 and 3 of the parsed model.
    private static readonly (string Id, string Name, string Heading, string Template)[] s_bugfixSections =
    [
        ("1", "current behaviour", "### Current Behavior (Defect)", "WHEN <condition> THEN the system <what it does wrong today>"),
        ("2", "expected behaviour", "### Expected Behavior (Correct)", "WHEN <condition> THEN the system SHALL <correct behaviour>"),
        ("3", "unchanged behaviour", "### Unchanged Behavior (Regression Prevention)", "WHEN <condition> THEN the system SHALL CONTINUE TO <behaviour that must not change>"),
    ];

    public static IReadOnlyList<Finding> Check(RequirementsDocument document) =>
        document.Kind == DocumentKind.Bugfix ? CheckBugfix(document) : CheckRequirements(document);

    private static IReadOnlyList<Finding> CheckRequirements(RequirementsDocument document)
    {
        var findings = new FindingList("requirements");
        if (document.Requirements.Count == 0)
        {
            findings.Error(FindingCodes.RequirementsMissing, 0,
                "requirements.md has no '### Requirement N' section.",
                "Add '## Requirements' with '### Requirement 1: <Title>', a '**User Story:**' line and numbered acceptance criteria.");
            return findings.Items;
        }

        CheckRequirementNumbers(document.Requirements, findings);
        foreach (var requirement in document.Requirements)
        {
            if (string.IsNullOrWhiteSpace(requirement.UserStory))
            {
                findings.Warning(FindingCodes.UserStoryMissing, requirement.Line,
                    $"Requirement {requirement.Id} has no user story.",
                    "Add '**User Story:** As a <role>, I want <capability>, so that <benefit>' under the requirement's heading.");
            }
            if (requirement.Criteria.Count == 0)
            {
                findings.Error(FindingCodes.CriteriaMissing, requirement.Line,
                    $"Requirement {requirement.Id} has no acceptance criteria.",
                    "Add '#### Acceptance Criteria' with a numbered list such as '1. WHEN <event>, THE <System> SHALL <response>'.");
                continue;
            }
            CheckCriterionNumbers(requirement, $"Requirement {requirement.Id}", findings);
            foreach (var criterion in requirement.Criteria)
            {
                CheckEars(criterion, EarsHint, findings);
                CheckVagueTerms(criterion, findings);
            }
        }
        return findings.Items;
    }

    private static IReadOnlyList<Finding> CheckBugfix(RequirementsDocument document)
    {
        var findings = new FindingList("bugfix");
        foreach (var (id, name, heading, template) in s_bugfixSections)
        {
            var sections = document.Requirements.Where(r => r.Id == id).ToList();
            if (sections.Sum(s => s.Criteria.Count) == 0)
            {
                findings.Error(FindingCodes.BugfixSectionMissing, sections.Count > 0 ? sections[0].Line : 0,
                    $"bugfix.md has no {name} clauses ({id}.1, {id}.2, …).",
                    $"Add '{heading}' with at least one clause such as '{id}.1 {template}'.");
            }
        }

        foreach (var section in document.Requirements)
        {
            var name = s_bugfixSections.FirstOrDefault(s => s.Id == section.Id).Name;
            CheckCriterionNumbers(section, name is null ? $"section {section.Id}" : $"the {name} section", findings);
            foreach (var clause in section.Criteria)
            {
                switch (section.Id)
                {
                    case "1":
                        CheckDefect(clause, findings);
                        break;
                    case "2":
                        CheckEars(clause, $"Rewrite as '{s_bugfixSections[1].Template}'.", findings);
                        CheckVagueTerms(clause, findings);
                        break;
                    case "3":
                        CheckEars(clause, $"Rewrite as '{s_bugfixSections[2].Template}'.", findings);
                        CheckVagueTerms(clause, findings);
                        break;
                    default:
                        break;
                }
            }
        }
        return findings.Items;
    }

    private static void CheckRequirementNumbers(IReadOnlyList<Requirement> requirements, FindingList findings)
    {
        foreach (var (id, line, firstLine) in Numbering.Duplicates(requirements.Select(r => (r.Id, r.Line))))
        {
            findings.Error(FindingCodes.RequirementNumberDuplicate, line,
                $"Requirement {id} appears twice (lines {firstLine} and {line}).",
                "Give each requirement its own number, and update the task references (N.M) that cite the renumbered ones.");
        }
        var numbered = requirements
            .Select(r => (Number: Numbering.Whole(r.Id), r.Line))
            .Where(r => r.Number is not null)
            .Select(r => (r.Number!.Value, r.Line))
            .ToList();
        foreach (var (from, to, line) in Numbering.Gaps(numbered))
        {
            findings.Warning(FindingCodes.RequirementNumberGap, line,
                $"Requirement numbering skips {Numbering.Range(string.Empty, from, to)} (the next one is at line {line}).",
                "Add the missing requirement, or renumber the requirements consecutively and update the task references that cite them.");
        }
    }

    private static void CheckCriterionNumbers(Requirement requirement, string owner, FindingList findings)
    {
        foreach (var (id, line, firstLine) in Numbering.Duplicates(requirement.Criteria.Select(c => (c.Id, c.Line))))
        {
            findings.Error(FindingCodes.CriterionNumberDuplicate, line,
                $"{Sentence(owner)} has two criteria numbered {id} (lines {firstLine} and {line}).",
                $"Number the criteria of {owner} 1, 2, 3, … so that each task reference names exactly one criterion.");
        }
        var numbered = requirement.Criteria
            .Select(c => (Number: Numbering.LastNumber(c.Id), c.Line))
            .Where(c => c.Number is not null)
            .Select(c => (c.Number!.Value, c.Line))
            .ToList();
        var prefix = requirement.Criteria.Count > 0 && requirement.Criteria[0].Id.Contains('.', StringComparison.Ordinal)
            ? requirement.Criteria[0].Id[..(requirement.Criteria[0].Id.LastIndexOf('.') + 1)]
            : $"{requirement.Id}.";
        foreach (var (from, to, line) in Numbering.Gaps(numbered))
        {
            findings.Warning(FindingCodes.CriterionNumberGap, line,
                $"{Sentence(owner)} has no criterion {Numbering.Range(prefix, from, to)} (numbering jumps at line {line}).",
                $"Add the missing criterion, or renumber the criteria of {owner} consecutively and update the task references that cite them.");
        }
    }

    private static string Sentence(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    private static void CheckEars(Criterion criterion, string hint, FindingList findings)
    {
        var (pattern, problem) = EarsClassifier.Analyze(criterion.Text);
        if (pattern == EarsPattern.Unrecognized)
        {
            findings.Warning(FindingCodes.EarsUnrecognized, criterion.Line,
                $"Criterion {criterion.Id} follows no EARS pattern ({problem}): \"{Excerpt.Of(criterion.Text)}\".",
                hint);
        }
    }

    private static void CheckVagueTerms(Criterion criterion, FindingList findings)
    {
        foreach (var term in VagueTerms.Find(criterion.Text))
        {
            findings.Warning(FindingCodes.VagueTerm, criterion.Line,
                $"Criterion {criterion.Id} uses the vague term '{term}'.",
                VagueTerms.Hint(term));
        }
    }

    private static void CheckDefect(Criterion clause, FindingList findings)
    {
        var problem = DefectClause.Problem(clause.Text);
        if (problem is not null)
        {
            findings.Warning(FindingCodes.DefectClauseFormat, clause.Line,
                $"Clause {clause.Id} {problem}: \"{Excerpt.Of(clause.Text)}\".",
                "Describe the defect as 'WHEN <condition> THEN the system <what it does wrong today>', without SHALL.");
        }
    }
}
