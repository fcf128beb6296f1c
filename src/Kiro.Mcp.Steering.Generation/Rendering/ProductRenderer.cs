using System.Globalization;
using Kiro.Mcp.Steering.Generation.Analysis;

namespace Kiro.Mcp.Steering.Generation.Rendering;

/// <summary>
/// product.md: purpose, users, features and objectives, copied from the README and docs. Nothing is
/// inferred from code: what the documents do not say becomes an explicit question for the user.
/// </summary>
public static class ProductRenderer
{
    public static RenderedDocument Render(WorkspaceFacts facts)
    {
        var readme = facts.Readme;
        var questions = new List<string>();
        var text = new MarkdownText();
        text.Heading(1, "Product Overview");
        if (readme.Title is not null)
        {
            text.Paragraph($"**{readme.Title}**" + (readme.Path is null ? "" : $" (from {MarkdownText.Inline(readme.Path)})"));
        }

        text.Heading(2, "Purpose");
        if (readme.Summary.Count > 0)
        {
            foreach (var paragraph in readme.Summary)
            {
                text.Paragraph(paragraph);
            }
        }
        else
        {
            Ask(text, questions, readme.Path is null
                ? "What does this product do, and for whom? There is no README to draw on."
                : $"What does this product do? {readme.Path} has no introduction before its first section.");
        }

        Section(text, questions, "Target Users", readme.Audience,
            "Who are the target users, and what do they need from it? The README does not say.");
        Section(text, questions, "Key Features", readme.Features,
            "What are the key features? The README has no features section.");
        Section(text, questions, "Business Objectives", readme.Goals,
            "What are the goals and success criteria, and what is out of scope? The README does not say.");

        if (facts.Git is { } git)
        {
            text.Heading(2, "Project Status");
            text.Bullet($"History: {Plural(git.Commits, "commit")} from {Date(git.FirstCommit)} to {Date(git.LastCommit)} by {Plural(git.Contributors, "contributor")}");
            text.Bullet($"Last {git.RecentDays.ToString(CultureInfo.InvariantCulture)} days before the latest commit: {Plural(git.RecentCommits, "commit")}");
        }

        if (readme.Docs.Count > 0)
        {
            text.Heading(2, "Further Documentation");
            foreach (var (path, title) in readme.Docs)
            {
                text.Bullet($"{MarkdownText.Inline(path)}: {title}");
            }
        }
        return new RenderedDocument(text.ToString(), questions);
    }

    /// <summary>A section of the README's bullets, or a question for the user when it has none: never invented text.</summary>
    private static void Section(MarkdownText text, List<string> questions, string heading, IReadOnlyList<string> items, string question)
    {
        text.Heading(2, heading);
        if (items.Count == 0)
        {
            Ask(text, questions, question);
            return;
        }
        foreach (var item in items)
        {
            // A code block from the README stays a block; as a bullet it would lose its lines.
            if (item.StartsWith("```", StringComparison.Ordinal))
            {
                text.Paragraph(item);
            }
            else
            {
                text.Bullet(item);
            }
        }
    }

    private static void Ask(MarkdownText text, List<string> questions, string question)
    {
        questions.Add(question);
        text.Paragraph($"> **Question for the user:** {question}");
    }

    private static string Plural(int count, string noun) => $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
