using Kiro.Mcp.Specs.Workflow;

namespace Kiro.Mcp.Specs.Tests.Workflow;

public class SpecConfigTests
{
    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public void Every_config_file_in_the_fixtures_is_read(string corpus)
    {
        var fixtures = KiroFixtures.Named(corpus);
        var files = fixtures.Files(".config.kiro", "specs").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var config = SpecConfig.TryParse(fixtures.Read(file));
            Assert.NotNull(config);
            Assert.True(Guid.TryParse(config.SpecId, out _));
        }
    }

    [Fact]
    public void A_written_config_has_kiros_exact_shape()
    {
        var config = new SpecConfig("87936426-aa36-4113-8f26-d09af7ad1426", SpecType.Feature, WorkflowType.DesignFirst);
        Assert.Equal("""{"specId": "87936426-aa36-4113-8f26-d09af7ad1426", "workflowType": "design-first", "specType": "feature"}""", config.ToJson());
        Assert.Equal(config, SpecConfig.TryParse(config.ToJson()));
    }

    [Fact]
    public void A_bugfix_spec_is_always_requirements_first_and_junk_is_not_a_config()
    {
        Assert.Equal(WorkflowType.RequirementsFirst, SpecConfig.New(SpecType.Bugfix, WorkflowType.DesignFirst).Workflow);
        Assert.Null(SpecConfig.TryParse("not json"));
        Assert.Null(SpecConfig.TryParse("[1,2]"));
    }
}
