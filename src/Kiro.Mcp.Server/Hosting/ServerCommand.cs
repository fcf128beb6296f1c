using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// The command that runs this server, as the user would type it, for messages that tell them to run
/// one of its sub-commands (e.g. <c>trust</c>). A client configured with <c>dotnet …/Kiro.Mcp.Server.dll</c>
/// has no <c>kiro-mcp</c> on PATH, so telling them "kiro-mcp trust" would send them looking for it.
/// </summary>
public static class ServerCommand
{
    public static string Current => For(Environment.ProcessPath, EntryAssembly);

    /// <summary>
    /// The server's DLL beside the host (an AOT binary has no DLL, but then the host is not dotnet either);
    /// <c>Assembly.Location</c> is empty in a single-file or native build.
    /// </summary>
    private static string EntryAssembly => Path.Combine(AppContext.BaseDirectory, "Kiro.Mcp.Server.dll");

    /// <param name="processPath">The running executable: the dotnet host, the tool's shim, or the build's apphost.</param>
    /// <param name="entryAssembly">The server's DLL, for when the host is dotnet.</param>
    public static string For(string? processPath, string? entryAssembly)
    {
        var name = Path.GetFileNameWithoutExtension(processPath ?? "");
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(entryAssembly))
        {
            return $"dotnet {WorkspaceTrust.ShellQuote(entryAssembly)}";
        }
        if (string.IsNullOrEmpty(processPath) || name.Equals(WorkspaceTrust.ToolCommand, StringComparison.OrdinalIgnoreCase))
        {
            return WorkspaceTrust.ToolCommand;
        }
        return WorkspaceTrust.ShellQuote(processPath);
    }
}
