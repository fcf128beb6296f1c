using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Tests.Validation;

/// <summary>Small builders of the parsed model, so validator tests do not depend on the parsers.</summary>
internal static class Model
{
    public const string Story = "As a user, I want to save notes, so that I keep them";

    public static RequirementsDocument Requirements(params Requirement[] requirements) =>
        new(DocumentKind.Requirements, requirements, [], []);

    public static RequirementsDocument Bugfix(params Requirement[] sections) =>
        new(DocumentKind.Bugfix, sections, [], []);

    public static Requirement Requirement(string id, int line, params Criterion[] criteria) =>
        new(id, $"Requirement {id}", Story, criteria, line);

    public static Requirement Section(string id, int line, params Criterion[] clauses) =>
        new(id, null, null, clauses, line);

    /// <summary>A criterion on <paramref name="line"/>, in EARS unless told otherwise.</summary>
    public static Criterion Criterion(string id, int line, string text = "WHEN the user saves, THE Editor SHALL store the note") =>
        new(id, text, line);

    public static DesignDocument Design(IEnumerable<string> headings, params CorrectnessProperty[] properties) =>
        new(headings.Select((h, i) => new Heading(2, h, i + 1, 0, 0, 0)).ToList(), properties);

    public static DesignDocument FullDesign(params CorrectnessProperty[] properties) =>
        Design(["Overview", "Architecture", "Components and Interfaces", "Data Models", "Error Handling", "Testing Strategy"], properties);

    public static CorrectnessProperty Property(string number, int line, params string[] validates) =>
        new(number, $"Property {number}", validates, line, validates.Length > 0 ? line + 2 : 0);

    public static TasksDocument Tasks(params TaskItem[] tasks) => new(tasks, [], []);

    public static TaskItem Task(string id, int line, params string[] requirements) => NamedTask(id, line, $"Task {id}", requirements);

    public static TaskItem NamedTask(string id, int line, string title, params string[] requirements) =>
        new(id, id.Contains('.') ? id[..id.LastIndexOf('.')] : null, title, Kiro.Mcp.Specs.Documents.TaskStatus.NotStarted,
            false, title.StartsWith("Checkpoint", StringComparison.Ordinal), requirements, [],
            line, 0, requirements.Length > 0 ? line + 1 : 0);

    /// <summary>One requirement with criteria 1.1 and 1.2, a full design, and one task citing both.</summary>
    public static Specs.Validation.SpecDocuments CleanSpec() => new(
        Requirements(Requirement("1", 3, Criterion("1.1", 7), Criterion("1.2", 8, "IF the disk is full, THEN THE Editor SHALL show an error"))),
        FullDesign(Property("1", 20, "1.1", "1.2")),
        Tasks(Task("1", 3, "1.1", "1.2")));
}
