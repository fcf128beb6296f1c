using Kiro.Mcp.Specs.Impact;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Impact;

public sealed class RevisionNameTests
{
    [Theory]
    [InlineData("main")]
    [InlineData("origin/main")]
    [InlineData("v1.2.0")]
    [InlineData("HEAD~2")]
    [InlineData("HEAD^")]
    [InlineData("feature/x-y_z^2~1")]
    [InlineData("fix#12+hotfix")]
    [InlineData("@")]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    public void Branches_tags_shas_and_ancestry_steps_are_accepted(string revision) => RevisionName.Check("base", revision);

    [Theory]
    [InlineData("HEAD:src/a.txt")]
    [InlineData("main..feature")]
    [InlineData("main...feature")]
    [InlineData("HEAD@{1}")]
    [InlineData("@{-1}")]
    [InlineData("../../etc/passwd")]
    [InlineData("refs/heads/../../config")]
    [InlineData("/etc/passwd")]
    [InlineData("-n")]
    [InlineData("main\n")]
    [InlineData("main feature")]
    [InlineData("refs/heads/.hidden")]
    [InlineData("main.lock")]
    [InlineData("a//b")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_more_than_a_commit_name_is_refused(string? revision) =>
        Assert.Equal("revision_invalid", Assert.Throws<KiroException>(() => RevisionName.Check("base", revision)).Code);
}
