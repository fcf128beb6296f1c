using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// Says at start-up what is wrong with the workspace as a whole (a <c>.kiro</c> that is a symbolic
/// link): the server still starts and answers, the tools refuse to read or write through it with the
/// same message, and this warning tells whoever reads the log why.
/// </summary>
public sealed partial class WorkspaceProblemLog(WorkspaceRoot root, ILogger<WorkspaceProblemLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (root.Problem() is { } problem)
        {
            LogProblem(logger, problem);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace problem: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);
}
