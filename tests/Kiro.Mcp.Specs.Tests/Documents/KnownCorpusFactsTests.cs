using System.Text;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Specs.Workflow;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Documents;

/// <summary>
/// Facts about the repository's own corpus (tests/Corpus/kiro), written by hand and checked against the
/// parsers: the same shapes <see cref="KnownFixtureFactsTests"/> checks in ../shared, so a fresh clone
/// without ../shared still covers them.
/// </summary>
public class KnownCorpusFactsTests
{
    // Decoded as written: a BOM stays character 0 and CRLF stays CRLF.
    private static string Read(string path) => new UTF8Encoding(false).GetString(KiroFixtures.Own.ReadBytes(path));

    [Fact]
    public void New_generation_requirements_have_titles_stories_glossary_and_numbered_criteria()
    {
        var document = RequirementsParser.Parse(Read("ledger-sync/.kiro/specs/import-statements/requirements.md"));

        Assert.Equal([5, 4, 3], document.Requirements.Select(r => r.Criteria.Count));
        Assert.Equal(["Statement_Importer", "Statement_Line", "Matcher", "Transaction", "Import_Log"], document.Glossary);
        var first = document.Requirements[0];
        Assert.Equal(("1", "Read statement files", 17), (first.Id, first.Title, first.Line));
        Assert.StartsWith("As a household bookkeeper, I want to import my bank's CSV and OFX statements", first.UserStory);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5"], first.Criteria.Select(c => c.Id));
        Assert.Equal(("WHEN the user selects an OFX file, THE Statement_Importer SHALL read every `STMTTRN` element as a Statement_Line", 24), (first.Criteria[1].Text, first.Criteria[1].Line));
    }

    [Fact]
    public void First_generation_requirements_without_titles_or_a_final_newline_are_read()
    {
        var text = Read("tidy-notes/.kiro/specs/note-tags/requirements.md");
        var document = RequirementsParser.Parse(text);

        Assert.False(text.EndsWith('\n'));
        Assert.Equal([("1", (string?)null, 4), ("2", null, 4), ("3", null, 3)], document.Requirements.Select(r => (r.Id, r.Title, r.Criteria.Count)));
        Assert.Empty(document.Glossary);
        Assert.Equal("WHEN the rename fails THEN the system SHALL roll back and leave every note as it was", document.Requirements[2].Criteria[2].Text);
    }

    [Fact]
    public void New_generation_tasks_carry_nesting_optional_done_tasks_checkpoints_and_references()
    {
        var document = TasksParser.Parse(Read("ledger-sync/.kiro/specs/import-statements/tasks.md"));

        Assert.Equal(["1", "2", "2.1", "2.2", "2.3", "2.4", "3", "3.1", "3.2", "4", "5", "5.1", "5.2", "5.2", "5.3", "6"], document.Tasks.Select(t => t.Id));
        Assert.Empty(document.Malformed);
        Assert.Equal(["2.2", "2.4", "3.2", "5.3"], document.Tasks.Where(t => t.Optional).Select(t => t.Id));
        // "[x]*": an optional task that is done.
        var done = document.Tasks.Single(t => t.Id == "2.2");
        Assert.Equal((TaskStatus.Done, true, "2"), (done.Status, done.Optional, done.ParentId));
        Assert.Equal(["1.3", "1.5"], done.Requirements);
        Assert.Equal(TaskStatus.InProgress, document.Tasks.Single(t => t.Id == "2").Status);
        Assert.Equal(["4", "6"], document.Tasks.Where(t => t.Checkpoint).Select(t => t.Id));
        // "_Requirements: 2.1, 2.2; Design: Components and Interfaces > 2_": the ids after another label are not references.
        Assert.Equal(["2.1", "2.2"], document.Tasks.Single(t => t.Id == "3.1").Requirements);
        // "_Requirements: All requirements_" is a requirements line with no ids.
        var final = document.Tasks.Single(t => t.Id == "6");
        Assert.Empty(final.Requirements);
        Assert.Equal(52, final.RequirementsLine);
    }

    [Fact]
    public void Duplicate_task_ids_are_both_read_and_the_second_is_reported()
    {
        var tasks = TasksParser.Parse(Read("ledger-sync/.kiro/specs/import-statements/tasks.md"));

        Assert.Equal([41, 44], tasks.Tasks.Where(t => t.Id == "5.2").Select(t => t.Line));
        var finding = Assert.Single(SpecValidator.Validate(new SpecDocuments(null, null, tasks)).Findings, f => f.Code == FindingCodes.TaskDuplicateId);
        Assert.Equal(("tasks", 44), (finding.Document, finding.Line));
    }

    [Fact]
    public void First_generation_flush_sub_tasks_escaped_optional_markers_and_wrapped_titles_are_read()
    {
        var text = Read("tidy-notes/.kiro/specs/note-tags/tasks.md");
        var document = TasksParser.Parse(text);

        Assert.Equal(["1", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "3.3"], document.Tasks.Select(t => t.Id));
        Assert.Equal([TaskStatus.Done, TaskStatus.InProgress, TaskStatus.Done, TaskStatus.Queued], document.Tasks.Take(4).Select(t => t.Status));
        Assert.Equal(["2", "2", "2", "3", "3", "3"], document.Tasks.Where(t => t.ParentId is not null).Select(t => t.ParentId));
        // "- [ ]\* 2.3": the backslash some editors write before the optional marker.
        Assert.Equal(["2.3", "3.3"], document.Tasks.Where(t => t.Optional).Select(t => t.Id));
        Assert.Equal(' ', text[document.Tasks.Single(t => t.Id == "2.3").StatusOffset]);
        // Three blank lines after task 2 do not separate 2.1 from it.
        var subtask = document.Tasks.Single(t => t.Id == "2.1");
        Assert.Equal((12, 15), (subtask.Line, subtask.RequirementsLine));
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], subtask.Requirements);
        Assert.Equal("Rename a tag in one transaction and ask before merging two tags that end up with the same name", document.Tasks.Single(t => t.Id == "2.2").Title);
        // The "Verification" checklist has checkboxes without task numbers.
        Assert.Equal([36, 37], document.Malformed.Select(m => m.Line));
    }

    [Fact]
    public void Bugfix_clauses_in_paragraphs_of_their_own_are_grouped_into_current_expected_and_unchanged_behaviour()
    {
        var document = RequirementsParser.ParseBugfix(Read("tidy-notes/.kiro/specs/sync-crash-fix/bugfix.md"));

        Assert.Equal(DocumentKind.Bugfix, document.Kind);
        Assert.Equal([("1", "Current Behavior (Defect)", 2), ("2", "Expected Behavior (Correct)", 2), ("3", "Unchanged Behavior (Regression Prevention)", 2)],
            document.Requirements.Select(r => (r.Id, r.Title, r.Criteria.Count)));
        Assert.Equal(("3.1", 23), (document.Requirements[2].Criteria[0].Id, document.Requirements[2].Criteria[0].Line));
        Assert.StartsWith("WHEN the retry fails three times THEN the system SHALL keep the local edit", document.Requirements[1].Criteria[1].Text);
    }

    [Fact]
    public void A_localised_bugfix_in_crlf_with_a_bom_is_grouped_by_clause_number_under_its_own_headings()
    {
        var text = Read("fenster-app/.kiro/specs/upload-limit/bugfix.md");
        var document = RequirementsParser.ParseBugfix(text);

        Assert.Equal('\uFEFF', text[0]);
        Assert.Contains("\r\n", text);
        Assert.Equal([("1", "Aktuelles Verhalten (Defekt)", 2), ("2", "Erwartetes Verhalten (Korrekt)", 2), ("3", "Unverändertes Verhalten (Regressionsprävention)", 2)],
            document.Requirements.Select(r => (r.Id, r.Title, r.Criteria.Count)));
        Assert.All(document.AllCriteria, c => Assert.DoesNotContain('\r', c.Text));
        Assert.StartsWith("WENN ein gültiges Bild unter dem Limit hochgeladen wird, DANN SOLL das System es WEITERHIN speichern", document.Requirements[2].Criteria[0].Text);
    }

    [Fact]
    public void Design_properties_written_as_headings_carry_the_criteria_they_validate()
    {
        var document = DesignParser.Parse(Read("ledger-sync/.kiro/specs/import-statements/design.md"));

        Assert.Equal([("1", "Amounts survive the round trip", 51, 55), ("2", "Matching never books twice", 57, 61), ("3", "Review is read-only", 63, 67)],
            document.Properties.Select(p => (p.Number, p.Title, p.Line, p.ValidatesLine)));
        Assert.Equal(["2.3", "3.3"], document.Properties[2].Validates);
        Assert.Contains(document.Headings, h => h.Text == "Correctness Properties");
    }

    [Fact]
    public void Bugfix_design_properties_written_as_plain_paragraphs_are_read_in_crlf_with_a_bom()
    {
        var document = DesignParser.Parse(Read("fenster-app/.kiro/specs/upload-limit/design.md"));

        Assert.Equal([("1", "Bug Condition - Zu große Uploads werden früh abgebrochen", 25, 29), ("2", "Preservation - Gültige Uploads unverändert", 31, 35)],
            document.Properties.Select(p => (p.Number, p.Title, p.Line, p.ValidatesLine)));
        Assert.Equal(["3.1", "3.2"], document.Properties[1].Validates);
    }

    [Fact]
    public void Localised_sub_tasks_without_parent_lines_in_crlf_without_a_final_newline_are_read()
    {
        var text = Read("fenster-app/.kiro/specs/upload-limit/tasks.md");
        var document = TasksParser.Parse(text);

        Assert.False(text.EndsWith('\n'));
        Assert.Equal(["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3"], document.Tasks.Select(t => t.Id));
        Assert.Equal(["1", "1", "2", "2", "3", "3", "3"], document.Tasks.Select(t => t.ParentId));
        Assert.Equal("Lasttest mit zehn gleichzeitigen 30-MB-Uploads", document.Tasks[^1].Title);
        Assert.True(document.Tasks[^1].Optional);
        Assert.Equal(["1.2", "2.1"], document.Tasks[^1].Requirements);
        Assert.Equal(["Aufgaben: Upload-Limit", "Aufgabe 1: Zentrale Konfiguration", "Aufgabe 2: Tests vor der Korrektur", "Aufgabe 3: Korrektur"], document.Headings.Select(h => h.Text));
    }

    [Fact]
    public void Lettered_sub_tasks_and_a_duplicate_top_level_id_in_a_spanish_plan()
    {
        var text = Read("juegos/.kiro/specs/sopa-de-letras/tasks.md");
        var document = TasksParser.Parse(text);

        Assert.Equal(["1", "2", "3", "4", "5", "5", "6"], document.Tasks.Select(t => t.Id));
        Assert.Equal(5, document.Malformed.Count);
        Assert.StartsWith("'4a.' is not a task number", document.Malformed[0].Reason);
        Assert.Equal("Verificar que todo funciona en móvil y escritorio", document.Tasks[^1].Title);
        // Front matter ("---\ndescription: …\n---") is not a heading.
        Assert.Equal(["Tasks"], document.Headings.Select(h => h.Text));
    }

    [Fact]
    public void Spanish_requirements_with_bulleted_criteria_have_titles_and_stories_but_no_numbered_criteria()
    {
        var document = RequirementsParser.Parse(Read("juegos/.kiro/specs/sopa-de-letras/requirements.md"));

        Assert.Equal([("1", "Tablero de letras"), ("2", "Marcar palabras"), ("3", "Fin de partida")], document.Requirements.Select(r => (r.Id, r.Title!)));
        Assert.StartsWith("Como jugador, quiero ver una cuadrícula de letras", document.Requirements[0].UserStory);
        Assert.Empty(document.AllCriteria);
    }

    [Fact]
    public void Crlf_requirements_in_german_parse_like_any_other()
    {
        var text = Read("fenster-app/.kiro/specs/export-pdf/requirements.md");
        var document = RequirementsParser.Parse(text);

        Assert.Contains("\r\n", text);
        Assert.Equal([3, 2], document.Requirements.Select(r => r.Criteria.Count));
        Assert.Equal(["Angebots_Export", "Position"], document.Glossary);
        Assert.Equal("THE Angebots_Export SHALL Beträge im deutschen Format (1.234,56 €) ausgeben", document.Requirements[0].Criteria[1].Text);
    }

    [Theory]
    [InlineData("ledger-sync/.kiro/specs/import-statements/.config.kiro", SpecType.Feature, WorkflowType.RequirementsFirst)]
    [InlineData("ledger-sync/.kiro/specs/fix-rounding/.config.kiro", SpecType.Bugfix, WorkflowType.RequirementsFirst)]
    // Written by hand over several lines.
    [InlineData("ledger-sync/.kiro/specs/rate-limits/.config.kiro", SpecType.Feature, WorkflowType.DesignFirst)]
    [InlineData("fenster-app/.kiro/specs/upload-limit/.config.kiro", SpecType.Bugfix, WorkflowType.RequirementsFirst)]
    public void Config_files_give_the_spec_type_and_workflow(string path, SpecType type, WorkflowType workflow)
    {
        var config = SpecConfig.TryParse(Read(path));

        Assert.NotNull(config);
        Assert.Equal((type, workflow), (config.Type, config.Workflow));
        Assert.True(Guid.TryParse(config.SpecId, out _));
    }
}
