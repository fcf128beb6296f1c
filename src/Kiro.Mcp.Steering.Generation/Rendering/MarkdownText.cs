using System.Text;

namespace Kiro.Mcp.Steering.Generation.Rendering;

/// <summary>A tiny Markdown writer: LF line endings, one blank line between blocks, inline code escaped.</summary>
internal sealed class MarkdownText
{
    private readonly StringBuilder _text = new();

    // A bullet follows a heading or another bullet directly, as in Kiro's own steering files.
    private bool _listMayFollow;

    public MarkdownText Heading(int level, string title)
    {
        Blank();
        _text.Append('#', level).Append(' ').Append(title).Append('\n');
        _listMayFollow = true;
        return this;
    }

    public MarkdownText Paragraph(string text)
    {
        Blank();
        _text.Append(text).Append('\n');
        return this;
    }

    public MarkdownText Bullet(string text, int depth = 0)
    {
        if (!_listMayFollow)
        {
            Blank();
        }
        _text.Append(' ', depth * 2).Append("- ").Append(text).Append('\n');
        _listMayFollow = true;
        return this;
    }

    public MarkdownText Code(string language, IEnumerable<string> lines)
    {
        Blank();
        _text.Append("```").Append(language).Append('\n');
        foreach (var line in lines)
        {
            _text.Append(line).Append('\n');
        }
        _text.Append("```\n");
        return this;
    }

    public MarkdownText Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Blank();
        _text.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        _text.Append('|').AppendJoin("|", header.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            _text.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }
        return this;
    }

    public static string Inline(string code) => code.Contains('`', StringComparison.Ordinal) ? $"`` {code} ``" : $"`{code}`";

    public override string ToString() => _text.ToString().TrimStart('\n');

    private void Blank()
    {
        _listMayFollow = false;
        if (_text.Length > 0 && !(_text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n'))
        {
            _text.Append('\n');
        }
    }
}
