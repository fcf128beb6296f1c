using Kiro.Mcp.Steering.Documents;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Tests.Service;

public class SteeringWriteTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_creates_front_matter_and_body_that_read_back()
    {
        using var workspace = new TestWorkspace();
        var written = await workspace.Service.WriteAsync("web", "# Web\n\nUse hooks.\n", "fileMatch", ["src/**/*.tsx", "*.css"], null, FileStore.Absent, Token);

        Assert.Equal(".kiro/steering/web.md", written.Path);
        Assert.Equal("---\ninclusion: fileMatch\nfileMatchPattern: [\"src/**/*.tsx\", \"*.css\"]\n---\n\n# Web\n\nUse hooks.\n", workspace.Read(".kiro/steering/web.md"));
        Assert.Equal(FileStore.ComputeVersion(workspace.Read(".kiro/steering/web.md")), written.Version);
        Assert.Equal("fileMatch", written.Inclusion);
        Assert.Empty(written.Findings);
        var read = await workspace.Service.ReadAsync("web", true, Token);
        Assert.Equal(written.Version, read.Version);
        Assert.Equal("\n# Web\n\nUse hooks.\n", read.Text);
    }

    [Fact]
    public async Task Write_defaults_to_always_and_auto_carries_name_and_description()
    {
        using var workspace = new TestWorkspace();
        await workspace.Service.WriteAsync("tech", "# Tech\n", null, null, null, null, Token);
        Assert.StartsWith("---\ninclusion: always\n---\n", workspace.Read(".kiro/steering/tech.md"));

        await workspace.Service.WriteAsync("api", "# API\n", "auto", null, "REST API conventions: use when adding endpoints.", null, Token);
        var parsed = FrontMatterParser.Parse(workspace.Read(".kiro/steering/api.md"));
        Assert.Equal((Inclusion.Auto, "api", "REST API conventions: use when adding endpoints."), (parsed.Inclusion, parsed.Name, parsed.Description));
    }

    [Fact]
    public async Task Content_with_its_own_front_matter_is_written_as_given()
    {
        using var workspace = new TestWorkspace();
        const string content = "---\ninclusion: manual\n---\n\n# Release\n";
        var written = await workspace.Service.WriteAsync("release", content, null, null, null, null, Token);
        Assert.Equal(content, workspace.Read(".kiro/steering/release.md"));
        Assert.Equal("manual", written.Inclusion);
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_and_changes_nothing()
    {
        using var workspace = new TestWorkspace();
        var first = await workspace.Service.WriteAsync("tech", "v1\n", null, null, null, FileStore.Absent, Token);
        await workspace.Service.WriteAsync("tech", "v2\n", null, null, null, first.Version, Token);
        var before = workspace.Read(".kiro/steering/tech.md");

        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.WriteAsync("tech", "v3\n", null, null, null, first.Version, Token));
        Assert.Equal("version_conflict", error.Code);
        var exists = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.WriteAsync("tech", "v3\n", null, null, null, FileStore.Absent, Token));
        Assert.Equal("already_exists", exists.Code);
        Assert.Equal(before, workspace.Read(".kiro/steering/tech.md"));
    }

    [Theory]
    [InlineData("../escape", "steering_name_invalid")]
    [InlineData("a/b", "steering_name_invalid")]
    [InlineData("with space", "steering_name_invalid")]
    [InlineData(".hidden", "steering_name_invalid")]
    [InlineData("", "steering_name_invalid")]
    public async Task Invalid_names_are_refused(string name, string code)
    {
        using var workspace = new TestWorkspace();
        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.WriteAsync(name, "x", null, null, null, null, Token));
        Assert.Equal(code, error.Code);
        Assert.False(Directory.Exists(workspace.Full(".kiro")));
    }

    [Theory]
    [InlineData("fileMatch", null, null, "pattern_missing")]
    [InlineData("manual", "**/*.ts", null, "pattern_unexpected")]
    [InlineData("auto", null, null, "description_missing")]
    [InlineData("sometimes", null, null, "inclusion_invalid")]
    [InlineData("fileMatch", "../**/*.ts", null, "pattern_invalid")]
    [InlineData("fileMatch", "/etc/*", null, "pattern_invalid")]
    public async Task Inconsistent_parameters_are_refused(string inclusion, string? pattern, string? description, string code)
    {
        using var workspace = new TestWorkspace();
        var error = await Assert.ThrowsAsync<KiroException>(() =>
            workspace.Service.WriteAsync("x", "body", inclusion, pattern is null ? null : [pattern], description, null, Token));
        Assert.Equal(code, error.Code);
        Assert.False(File.Exists(workspace.Full(".kiro/steering/x.md")));
    }

    [Fact]
    public async Task Front_matter_in_the_content_and_in_the_parameters_conflict_and_malformed_front_matter_is_refused()
    {
        using var workspace = new TestWorkspace();
        var conflict = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.WriteAsync("x", "---\ninclusion: manual\n---\nbody", "always", null, null, null, Token));
        Assert.Equal("front_matter_conflict", conflict.Code);
        var invalid = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.WriteAsync("x", "---\ninclusion: [manual\n---\nbody", null, null, null, null, Token));
        Assert.Equal("front_matter_invalid", invalid.Code);
        Assert.False(File.Exists(workspace.Full(".kiro/steering/x.md")));
    }

    [Fact]
    public async Task Writing_a_global_name_creates_a_workspace_override()
    {
        using var workspace = new TestWorkspace();
        workspace.WriteGlobal("tech", "global\n");
        var written = await workspace.Service.WriteAsync("tech", "mine\n", null, null, null, null, Token);
        Assert.Contains("~/.kiro/steering/tech.md", written.NextStep);
        Assert.Equal("global\n", File.ReadAllText(Path.Join(workspace.UserKiro, "steering", "tech.md")));
        Assert.Equal("workspace", (await workspace.Service.ReadAsync("tech", true, Token)).Source);
    }
}
