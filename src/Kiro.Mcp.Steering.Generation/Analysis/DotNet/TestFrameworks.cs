using Kiro.Mcp.Steering.Generation.Analysis.Manifests;

namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>Which test framework a project's packages bring in.</summary>
internal static class TestFrameworks
{
    private static readonly (string Package, string Framework)[] Known =
    [
        ("xunit.v3", "xUnit v3"), ("xunit.v3.core", "xUnit v3"), ("xunit", "xUnit"), ("xunit.core", "xUnit"),
        ("NUnit", "NUnit"), ("MSTest", "MSTest"), ("MSTest.TestFramework", "MSTest"), ("TUnit", "TUnit"),
    ];

    public static (string Framework, Dependency Package)? Detect(IReadOnlyList<Dependency> packages)
    {
        foreach (var (package, framework) in Known)
        {
            var found = packages.FirstOrDefault(p => string.Equals(p.Name, package, StringComparison.OrdinalIgnoreCase));
            if (found is not null)
            {
                return (framework, found);
            }
        }
        return null;
    }

    public static bool IsTestSdk(IReadOnlyList<Dependency> packages) =>
        packages.Any(p => string.Equals(p.Name, "Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase));
}
