using System.CommandLine;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// <c>kiro-mcp trust [PATH]</c> and <c>kiro-mcp untrust [PATH]</c>: the user's own decision to let a workspace run
/// code from its files (command hooks, verification commands, MSBuild), kept in <see cref="TrustList"/>. These are
/// commands a person types; no MCP tool can change trust.
/// </summary>
public static class TrustCommands
{
    public static Command Trust()
    {
        var path = PathArgument();
        var list = new Option<bool>("--list") { Description = "Print the trusted workspaces instead of adding one." };
        var command = new Command("trust",
            "Trust a workspace (default: the current directory): its command hooks, task verification commands and MSBuild evaluation in steering_generate may run. Sub-folders are not trusted by this.")
        {
            path, list,
        };
        command.SetAction(result => result.GetValue(list) ? ListTrusted() : Change(result.GetValue(path)!, add: true));
        return command;
    }

    public static Command Untrust()
    {
        var path = PathArgument();
        var command = new Command("untrust", "Remove a workspace (default: the current directory) from the trust list; running servers stop running its code at their next call.")
        {
            path,
        };
        command.SetAction(result => Change(result.GetValue(path)!, add: false));
        return command;
    }

    private static Argument<DirectoryInfo> PathArgument() => new("PATH")
    {
        Description = "The workspace folder. Default: the current directory.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => new DirectoryInfo(Environment.CurrentDirectory),
    };

    private static int Change(DirectoryInfo folder, bool add)
    {
        var list = new TrustList(UserKiroFolder.FromEnvironment());
        try
        {
            // The canonical path (links resolved) is what the server compares with.
            var canonical = new WorkspaceRoot(folder.FullName).FullPath;
            var changed = add ? list.Add(canonical) : list.Remove(canonical);
            Console.Out.WriteLine((add, changed) switch
            {
                (true, true) => $"Trusted {canonical}: its command hooks, task verification commands and MSBuild evaluation now run (sub-folders are not trusted). Trust list: {list.FilePath}",
                (true, false) => $"{canonical} was already trusted. Trust list: {list.FilePath}",
                (false, true) => $"{canonical} is no longer trusted: its command hooks, verification commands and MSBuild evaluation do not run. Trust list: {list.FilePath}",
                _ => $"{canonical} was not in the trust list {list.FilePath}.",
            });
            return 0;
        }
        catch (KiroException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"The trust list {list.FilePath} could not be written: {e.Message}");
            return 2;
        }
    }

    private static int ListTrusted()
    {
        var list = new TrustList(UserKiroFolder.FromEnvironment());
        try
        {
            foreach (var path in list.Read())
            {
                Console.Out.WriteLine(path);
            }
            return 0;
        }
        catch (KiroException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
