using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Workflow;

public class SpecNameTests
{
    [Theory]
    [InlineData("user-authentication")]
    [InlineData("a")]
    [InlineData("v2-api")]
    public void Kebab_case_names_are_accepted_for_new_specs(string name) => SpecName.CheckNew(name);

    [Theory]
    [InlineData("UserAuth", "user-auth")]
    [InlineData("user_auth", "user-auth")]
    [InlineData("User Auth!", "user-auth")]
    public void A_name_that_is_not_kebab_case_is_refused_with_a_suggestion(string name, string suggestion)
    {
        var error = Assert.Throws<KiroException>(() => SpecName.CheckNew(name));
        Assert.Equal("spec_name_invalid", error.Code);
        Assert.Contains($"'{suggestion}'", error.Message);
    }

    [Theory]
    [InlineData("01-record-core")]
    [InlineData("_template")]
    [InlineData("Legacy_Spec.v2")]
    public void Existing_folders_from_real_repositories_are_accepted(string name) => SpecName.CheckExisting(name);

    [Theory]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    [InlineData("nul\0byte")]
    public void Names_that_are_not_one_plain_folder_are_refused(string name) =>
        Assert.Equal("spec_name_invalid", Assert.Throws<KiroException>(() => SpecName.CheckExisting(name)).Code);
}
