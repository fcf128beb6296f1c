using Kiro.Mcp.Steering.References;

namespace Kiro.Mcp.Steering.Tests.References;

public class ReferenceExpanderTests
{
    [Fact]
    public void A_reference_is_replaced_by_the_file_in_a_fence()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("api/openapi.yaml", "openapi: 3.1.0\n");
        var expanded = new ReferenceExpander(workspace.Root).Expand("See the API:\n#[[file:api/openapi.yaml]]\nEnd.");
        Assert.Equal("See the API:\nFile `api/openapi.yaml`:\n\n```\nopenapi: 3.1.0\n```\nEnd.", expanded.Text);
        Assert.Equal(new FileReference("api/openapi.yaml", "included", null), Assert.Single(expanded.References));
    }

    [Fact]
    public void The_fence_is_longer_than_any_backtick_run_in_the_file()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("doc.md", "```cs\nx\n```\n````\n");
        var text = new ReferenceExpander(workspace.Root).Expand("#[[file:doc.md]]").Text;
        Assert.StartsWith("File `doc.md`:\n\n`````\n```cs", text);
        Assert.EndsWith("````\n`````", text);
    }

    [Theory]
    [InlineData("../outside/secret.md", "refused")]
    [InlineData("/etc/passwd", "refused")]
    [InlineData("~/secret.md", "refused")]
    [InlineData("C:/Windows/win.ini", "refused")]
    [InlineData("", "refused")]
    [InlineData("missing/file.md", "missing")]
    public void Hostile_and_missing_references_become_visible_notes(string path, string status)
    {
        using var workspace = new TestWorkspace();
        var expanded = new ReferenceExpander(workspace.Root).Expand($"Before #[[file:{path}]] after");
        var reference = Assert.Single(expanded.References);
        Assert.Equal(status, reference.Status);
        Assert.NotNull(reference.Note);
        Assert.StartsWith($"Before [file `{path}` not included: ", expanded.Text);
        Assert.EndsWith("] after", expanded.Text);
        Assert.DoesNotContain("outside secret", expanded.Text);
    }

    [Fact]
    public void A_symlink_leading_out_of_the_workspace_is_refused()
    {
        using var workspace = new TestWorkspace();
        workspace.Link("docs/secret.md", Path.Join(workspace.Outside, "secret.md"));
        workspace.Link("linked", workspace.Outside);
        var expanded = new ReferenceExpander(workspace.Root).Expand("#[[file:docs/secret.md]] #[[file:linked/secret.md]]");
        Assert.All(expanded.References, r => Assert.Equal("refused", r.Status));
        Assert.Equal(2, expanded.References.Count);
        Assert.DoesNotContain("outside secret", expanded.Text);
    }

    [Fact]
    public void A_symlink_inside_the_workspace_is_followed()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("real/notes.md", "inside\n");
        workspace.Link("alias.md", workspace.Full("real/notes.md"));
        Assert.Contains("inside", new ReferenceExpander(workspace.Root).Expand("#[[file:alias.md]]").Text);
    }

    [Fact]
    public void A_huge_file_is_not_inlined()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("big.log", new string('x', ReferenceExpander.MaxFileBytes + 1));
        var expanded = new ReferenceExpander(workspace.Root).Expand("#[[file:big.log]]");
        Assert.Equal("too_large", Assert.Single(expanded.References).Status);
        Assert.True(expanded.Text.Length < 300);
    }

    [Fact]
    public void Many_large_files_stop_at_the_total_budget()
    {
        using var workspace = new TestWorkspace();
        var body = new string('y', ReferenceExpander.MaxFileBytes - 10);
        for (var i = 0; i < 3; i++)
        {
            workspace.Write($"part{i}.txt", body);
        }
        var expanded = new ReferenceExpander(workspace.Root).Expand("#[[file:part0.txt]] #[[file:part1.txt]] #[[file:part2.txt]]");
        Assert.Equal(["included", "included", "limit"], expanded.References.Select(r => r.Status));
        Assert.InRange(expanded.Text.Length, 2 * body.Length, ReferenceExpander.MaxTotalChars + 1000);
    }

    [Fact]
    public void The_number_of_references_is_bounded()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("a.md", "a");
        var text = string.Concat(Enumerable.Repeat("#[[file:a.md]]\n", ReferenceExpander.MaxReferences + 5));
        var expanded = new ReferenceExpander(workspace.Root).Expand(text);
        Assert.Equal(ReferenceExpander.MaxReferences, expanded.References.Count(r => r.Status == "included"));
        Assert.Equal(5, expanded.References.Count(r => r.Status == "limit"));
    }

    [Fact]
    public void Folders_and_binary_files_are_not_inlined()
    {
        using var workspace = new TestWorkspace();
        Directory.CreateDirectory(workspace.Full("folder"));
        File.WriteAllBytes(workspace.Full("image.png"), [0x89, 0x50, 0x00, 0x47]);
        var expanded = new ReferenceExpander(workspace.Root).Expand("#[[file:folder]] #[[file:image.png]]");
        Assert.Equal(["refused", "not_text"], expanded.References.Select(r => r.Status));
    }

    [Fact]
    public void Expansion_is_one_level_so_self_and_mutual_references_cannot_loop()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("a.md", "A says #[[file:b.md]]");
        workspace.Write("b.md", "B says #[[file:a.md]]");
        workspace.Write(".kiro/steering/self.md", "Me: #[[file:.kiro/steering/self.md]]");
        var expander = new ReferenceExpander(workspace.Root);

        var mutual = expander.Expand("#[[file:a.md]]");
        Assert.Contains("A says #[[file:b.md]]", mutual.Text);
        Assert.DoesNotContain("B says", mutual.Text);
        var self = expander.Expand(workspace.Read(".kiro/steering/self.md"));
        Assert.Equal("Me: File `.kiro/steering/self.md`:\n\n```\nMe: #[[file:.kiro/steering/self.md]]\n```", self.Text);
    }

    [Fact]
    public void Text_without_references_is_unchanged()
    {
        using var workspace = new TestWorkspace();
        const string text = "# Title\n\n#[[notafile]] and #[[file: unterminated\n";
        var expanded = new ReferenceExpander(workspace.Root).Expand(text);
        Assert.Equal(text, expanded.Text);
        Assert.Empty(expanded.References);
    }
}
