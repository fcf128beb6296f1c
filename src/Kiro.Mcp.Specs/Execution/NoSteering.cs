namespace Kiro.Mcp.Specs.Execution;

/// <summary>A steering source with no documents.</summary>
public sealed class NoSteering : ISteeringSource
{
    public Task<IReadOnlyList<ContextSection>> ForFilesAsync(IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContextSection>>([]);
}
