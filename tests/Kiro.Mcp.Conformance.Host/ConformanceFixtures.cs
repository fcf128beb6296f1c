namespace Kiro.Mcp.Conformance.Host;

/// <summary>The reference tools, resources and prompts that the conformance suite's scenarios call by name.</summary>
public static class ConformanceFixtures
{
    public static void Register(IMcpServerBuilder mcp) => mcp
        .WithTools<FixtureTools>()
        .WithTools([JsonSchemaFixture.Create()])
        .WithResources<FixtureResources>()
        .WithPrompts<FixturePrompts>();
}
