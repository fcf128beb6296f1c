using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// At start-up, removes the temp files a killed server left in the workspace's <c>.kiro/</c>
/// (<see cref="LeftoverTempFiles"/>). Registered before every other hosted service, so it is done
/// before the first request is served.
/// </summary>
public sealed class LeftoverCleanup(WorkspaceRoot root, TimeProvider time, ILogger<LeftoverCleanup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = LeftoverTempFiles.Remove(root, time);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} leftover temp file(s) under {Folder}", removed, ".kiro/");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
