namespace Kiro.Mcp.Specs.Validation;

/// <summary>
/// The stable codes of <see cref="Finding"/>. Clients and tests may depend on them: never rename one.
/// </summary>
public static class FindingCodes
{
    // Filled in with the validator; every code the validator emits is a constant here.
}
