namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// The steering documents that apply to some files. The steering issue provides the real source
/// (inclusion rules, fileMatch patterns); until then <see cref="NoSteering"/> answers nothing.
/// </summary>
public interface ISteeringSource
{
    Task<IReadOnlyList<ContextSection>> ForFilesAsync(IReadOnlyList<string> files, CancellationToken cancellationToken);
}
