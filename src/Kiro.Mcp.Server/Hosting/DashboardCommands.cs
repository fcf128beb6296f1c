using System.CommandLine;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// <c>kiro-mcp dashboard</c>: the dashboard alone, on loopback, for people whose assistant runs the server over stdio.
/// The state is in the files, so it shows what every stdio server writes, live.
/// </summary>
public static class DashboardCommands
{
    public const int DefaultPort = 3002;

    public static Command Dashboard()
    {
        var workspace = new Option<string[]>("--workspace", "-w")
        {
            Description = "A workspace to show, as PATH or NAME=PATH; repeat for several. Default: the current directory.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var workspaces = new Option<DirectoryInfo[]>("--workspaces") { Description = "Show every repository directly under DIR.", Arity = ArgumentArity.ZeroOrMore };
        var port = new Option<int>("--port", "-p") { Description = $"Port on 127.0.0.1; 0 picks a free one. Default {DefaultPort}.", DefaultValueFactory = _ => DefaultPort };
        var dashboard = new Command("dashboard", "Serve the dashboard alone at http://127.0.0.1:PORT/ (specs, approvals, the task board, live).")
        {
            workspace, workspaces, port,
        };
        dashboard.SetAction(async (result, cancellationToken) =>
        {
            var folders = (result.GetValue(workspaces) ?? []).Select(d => d.FullName).ToList();
            var (entries, problem) = CommandLine.ParseWorkspaces(result.GetValue(workspace) ?? [], folders.Count == 0 ? Environment.CurrentDirectory : null);
            var missing = entries.FirstOrDefault(e => !Directory.Exists(e.Path));
            if (problem is not null || missing is not null)
            {
                await Console.Error.WriteLineAsync(problem ?? $"The workspace folder '{missing!.Path}' does not exist.");
                return 2;
            }
            var settings = new ServerSettings
            {
                Workspaces = entries,
                WorkspaceFolders = folders,
                Http = true,
                Port = result.GetValue(port),
                DashboardOnly = true,
                Command = ServerCommand.Current,
            };
            return await HttpServer.RunAsync(settings, extensions: null, cancellationToken);
        });
        return dashboard;
    }
}
