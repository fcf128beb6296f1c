using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// A spec document as HTML for the dashboard. Documents come from the repository, so raw HTML in them is shown as
/// text, never rendered (no script, no tracking image); a ```mermaid block becomes a diagram the page's script draws.
/// </summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();

    /// <param name="headingOffset">Levels to add to the document's headings, so they nest under the page's own (one h1 per page).</param>
    public static string Render(string markdown, int headingOffset = 0)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + headingOffset);
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new MermaidAwareCodeBlockRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Mermaid blocks as <c>&lt;pre class="mermaid"&gt;</c> (escaped text: the diagram source, drawn in the page); others as usual.</summary>
    private sealed class MermaidAwareCodeBlockRenderer : CodeBlockRenderer
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock obj)
        {
            if (obj is FencedCodeBlock { Info: { } info } && info.Trim().Equals("mermaid", StringComparison.OrdinalIgnoreCase))
            {
                renderer.Write("<pre class=\"mermaid\">");
                renderer.WriteLeafRawLines(obj, true, true);
                renderer.Write("</pre>");
                return;
            }
            base.Write(renderer, obj);
        }
    }
}
