using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Tests.Service;

public class SteeringServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_shows_workspace_global_and_AGENTS_documents_with_their_modes()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("AGENTS.md", "# Agents\n");
        workspace.Write("src/api/AGENTS.md", "# API agents\n");
        workspace.Write("node_modules/pkg/AGENTS.md", "# someone else's\n");
        workspace.WriteSteering("tech", "# Tech\n");
        workspace.WriteSteering("ts", "---\ninclusion: fileMatch\nfileMatchPattern: \"**/*.ts, **/*.tsx\"\n---\n# TS\n");
        workspace.WriteGlobal("personal", "---\ninclusion: manual\n---\n# Mine\n");

        var list = await workspace.Service.ListAsync(Token);

        Assert.Equal(["AGENTS.md", "tech", "ts", "personal", "src/api/AGENTS.md"], list.Documents.Select(d => d.Name));
        Assert.Equal(["agents", "workspace", "workspace", "global", "agents"], list.Documents.Select(d => d.Source));
        Assert.Equal(["always", "always", "fileMatch", "manual", "always"], list.Documents.Select(d => d.Inclusion));
        Assert.Equal(["**/*.ts", "**/*.tsx"], list.Documents[2].Patterns);
        Assert.Equal("~/.kiro/steering/personal.md", list.Documents[3].Path);
        Assert.Equal(FileStore.ComputeVersion("# Tech\n"), list.Documents[1].Version);
        Assert.Empty(list.Skipped);
    }

    [Fact]
    public async Task A_workspace_file_wins_over_a_global_file_of_the_same_name()
    {
        using var workspace = new TestWorkspace();
        workspace.WriteGlobal("tech", "global tech\n");
        workspace.WriteGlobal("shared", "global shared\n");
        workspace.WriteSteering("tech", "workspace tech\n");

        var list = await workspace.Service.ListAsync(Token);
        var tech = Assert.Single(list.Documents, d => d.Name == "tech");
        Assert.Equal("workspace", tech.Source);
        Assert.Equal("overrides_global", Assert.Single(tech.Findings).Code);
        Assert.Equal("global", Assert.Single(list.Documents, d => d.Name == "shared").Source);

        Assert.Equal("workspace tech\n", (await workspace.Service.ReadAsync("tech", true, Token)).Text);
        var context = await workspace.Service.ContextAsync([], [], Token);
        Assert.Equal(["tech", "shared"], context.Documents.Select(d => d.Name));
        Assert.Contains("workspace tech", context.Documents[0].Text);
    }

    [Fact]
    public async Task Malformed_front_matter_is_listed_as_a_finding_and_the_file_applies_always()
    {
        using var workspace = new TestWorkspace();
        workspace.WriteSteering("broken", "---\ninclusion: fileMatch\nfileMatchPattern: [oops\n---\n# Broken but used\n");

        var summary = Assert.Single((await workspace.Service.ListAsync(Token)).Documents);
        Assert.Equal("always", summary.Inclusion);
        Assert.Equal("front_matter_invalid", Assert.Single(summary.Findings).Code);
        var applied = Assert.Single((await workspace.Service.ContextAsync(["anything.cs"], [], Token)).Documents);
        Assert.Equal("# Broken but used\n", applied.Text);
    }

    [Fact]
    public async Task Read_returns_the_body_expanded_with_its_version_and_names_ignore_case_and_md()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("docs/api.md", "GET /workouts\n");
        const string file = "---\ninclusion: manual\n---\n# API\n#[[file:docs/api.md]]\n";
        workspace.WriteSteering("api", file);

        var read = await workspace.Service.ReadAsync("API.md", true, Token);
        Assert.Equal("api", read.Name);
        Assert.Equal("manual", read.Inclusion);
        Assert.Equal(FileStore.ComputeVersion(file), read.Version);
        Assert.True(read.Expanded);
        Assert.Contains("GET /workouts", read.Text);
        Assert.DoesNotContain("inclusion:", read.Text);

        var raw = await workspace.Service.ReadAsync("api", false, Token);
        Assert.Equal("# API\n#[[file:docs/api.md]]\n", raw.Text);
        Assert.False(raw.Expanded);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData(".hidden")]
    [InlineData("README.md")]
    public async Task Reading_an_unknown_or_hostile_name_is_steering_not_found(string name)
    {
        using var workspace = new TestWorkspace();
        workspace.Write("README.md", "not steering");
        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.ReadAsync(name, true, Token));
        Assert.Equal("steering_not_found", error.Code);
        Assert.Contains("steering_list", error.Message);
    }

    [Fact]
    public async Task A_steering_file_linking_out_of_the_workspace_is_skipped_not_read()
    {
        using var workspace = new TestWorkspace();
        workspace.Link(".kiro/steering/secret.md", Path.Join(workspace.Outside, "secret.md"));
        workspace.WriteSteering("fine", "fine\n");

        var list = await workspace.Service.ListAsync(Token);
        Assert.Equal(["fine"], list.Documents.Select(d => d.Name));
        Assert.Equal(".kiro/steering/secret.md", Assert.Single(list.Skipped).Path);
        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.ReadAsync("secret", true, Token));
        Assert.Equal("steering_unreadable", error.Code);
        Assert.DoesNotContain("outside secret", string.Concat((await workspace.Service.ContextAsync([], [], Token)).Documents.Select(d => d.Text)));
    }

    [Fact]
    public async Task Context_applies_always_matching_fileMatch_and_named_manual_documents_and_lists_auto_ones()
    {
        using var workspace = new TestWorkspace();
        workspace.WriteSteering("product", "---\ninclusion: always\n---\nproduct\n");
        workspace.WriteSteering("go", "---\ninclusion: fileMatch\nfileMatchPattern: \"**/*.go\"\n---\ngo rules\n");
        workspace.WriteSteering("web", "---\ninclusion: fileMatch\nfileMatchPattern: [\"web/**/*.tsx\", \"*.css\"]\n---\nweb rules\n");
        workspace.WriteSteering("release", "---\ninclusion: manual\n---\nrelease checklist\n");
        workspace.WriteSteering("api", "---\ninclusion: auto\nname: api\ndescription: REST conventions. Use for endpoints.\n---\napi rules\n");

        var context = await workspace.Service.ContextAsync(["web/pages/Home.tsx", "./cmd/main.go"], ["release", "ghost"], Token);

        Assert.Equal(["go", "product", "release", "web"], context.Documents.Select(d => d.Name).Order());
        Assert.Equal("fileMatch '**/*.go' matches cmd/main.go", Assert.Single(context.Documents, d => d.Name == "go").Reason);
        Assert.Equal("included by name", Assert.Single(context.Documents, d => d.Name == "release").Reason);
        Assert.Equal("web rules\n", Assert.Single(context.Documents, d => d.Name == "web").Text);
        var auto = Assert.Single(context.Available);
        Assert.Equal(("api", "REST conventions. Use for endpoints."), (auto.Name, auto.Description));
        Assert.Equal(["ghost"], context.Unknown);
        Assert.False(context.Truncated);

        var none = await workspace.Service.ContextAsync(["README.txt"], [], Token);
        Assert.Equal(["product"], none.Documents.Select(d => d.Name));
        var withAuto = await workspace.Service.ContextAsync([], ["api"], Token);
        Assert.Contains(withAuto.Documents, d => d.Name == "api");
        Assert.Empty(withAuto.Available);
    }

    [Fact]
    public async Task AGENTS_files_apply_at_the_root_always_and_in_sub_folders_for_paths_under_them()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("AGENTS.md", "root agents\n");
        workspace.Write("src/AGENTS.md", "src agents\n");
        workspace.Write("src/api/AGENTS.md", "---\ninclusion: manual\n---\napi agents\n");
        workspace.Write("docs/AGENTS.md", "docs agents\n");

        var context = await workspace.Service.ContextAsync(["src/api/users/controller.ts"], [], Token);
        Assert.Equal(["AGENTS.md", "src/AGENTS.md", "src/api/AGENTS.md"], context.Documents.Select(d => d.Name));
        Assert.Equal("applies to src/api/users/controller.ts", context.Documents[2].Reason);
        // AGENTS.md has no inclusion modes: its front matter does not make it manual.
        Assert.Equal("always", context.Documents[2].Inclusion);

        var rootOnly = await workspace.Service.ContextAsync(["README.md"], [], Token);
        Assert.Equal(["AGENTS.md"], rootOnly.Documents.Select(d => d.Name));
        Assert.Equal("docs agents\n", (await workspace.Service.ReadAsync("docs/AGENTS.md", true, Token)).Text);
    }

    [Theory]
    [InlineData("../outside/x.ts")]
    [InlineData("/etc/passwd")]
    public async Task Context_refuses_paths_outside_the_workspace(string path)
    {
        using var workspace = new TestWorkspace();
        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.ContextAsync([path], [], Token));
        Assert.StartsWith("path_", error.Code);
    }

    [Fact]
    public async Task Context_accepts_an_absolute_path_inside_the_workspace()
    {
        using var workspace = new TestWorkspace();
        workspace.WriteSteering("go", "---\ninclusion: fileMatch\nfileMatchPattern: \"**/*.go\"\n---\ngo\n");
        var context = await workspace.Service.ContextAsync([Path.Join(workspace.Root.FullPath, "cmd", "main.go")], [], Token);
        Assert.Equal("fileMatch '**/*.go' matches cmd/main.go", Assert.Single(context.Documents).Reason);
    }

    [Fact]
    public async Task Context_text_stays_within_the_budget()
    {
        using var workspace = new TestWorkspace();
        var big = new string('x', 40_000) + "\n";
        workspace.WriteSteering("a", big);
        workspace.WriteSteering("b", big);
        var context = await workspace.Service.ContextAsync([], [], Token);
        Assert.True(context.Truncated);
        Assert.InRange(context.Documents.Sum(d => d.Text.Length), 40_000, Kiro.Mcp.Steering.Service.SteeringService.MaxTextLength + 2);
        Assert.False(context.Documents[0].Truncated);
        Assert.True(context.Documents[1].Truncated);
    }

    [Fact]
    public async Task Global_fileMatch_documents_apply_too()
    {
        using var workspace = new TestWorkspace();
        workspace.WriteGlobal("py", "---\ninclusion: fileMatch\nfileMatchPattern: \"**/*.py\"\n---\npython style\n");
        var context = await workspace.Service.ContextAsync(["tools/run.py"], [], Token);
        var applied = Assert.Single(context.Documents);
        Assert.Equal(("py", "global"), (applied.Name, applied.Source));
    }
}
