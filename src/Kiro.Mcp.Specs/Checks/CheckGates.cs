namespace Kiro.Mcp.Specs.Checks;

/// <summary>
/// The gates a CI run chooses on top of the linter. Each turns advice into an error: the findings exist either way
/// (spec_validate shows them as warnings), a gate only decides that they fail the build.
/// </summary>
/// <param name="RequireApproved">Once any task has started, every document must be approved as it stands now.</param>
/// <param name="Drift">A done task whose criteria or design changed after it was completed is an error.</param>
/// <param name="Coverage">An acceptance criterion no task cites is an error.</param>
public sealed record CheckGates(bool RequireApproved, bool Drift, bool Coverage)
{
    public static CheckGates None { get; } = new(false, false, false);
}
