namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// The tests that drive the packed and installed tool share one <see cref="ToolPackage"/>: packing it (a Native AOT
/// compile on Linux) takes minutes, and is done once for them, only when one of them runs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<ToolPackage>
{
    public const string Name = "installed tool";
}
