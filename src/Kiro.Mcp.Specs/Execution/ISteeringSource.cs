namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// The steering documents that apply to some files. Kiro.Mcp.Steering provides the real source
/// (inclusion rules, fileMatch patterns, AGENTS.md); <see cref="NoSteering"/> answers nothing, for tests.
/// </summary>
public interface ISteeringSource
{
    Task<IReadOnlyList<ContextSection>> ForFilesAsync(IReadOnlyList<string> files, CancellationToken cancellationToken);
}
