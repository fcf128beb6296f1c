using System.Diagnostics;
using System.Text;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Runs a shell command in the workspace with a timeout that kills its whole process tree, keeping
/// only the tail of its output so a chatty build cannot flood memory or a response.
/// </summary>
public sealed class CommandRunner(WorkspaceRoot root)
{
    /// <summary>About 1,000 tokens: enough to see why a test run failed.</summary>
    public const int MaxOutput = 4000;

    public async Task<CommandResult> RunAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } };
        info.WorkingDirectory = root.FullPath;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(e.Data);
                if (output.Length > MaxOutput * 2)
                {
                    output.Remove(0, output.Length - MaxOutput);
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }
        // WaitForExitAsync returns once the output streams are drained too.
        string tail;
        lock (output)
        {
            tail = output.Length > MaxOutput ? output.ToString(output.Length - MaxOutput, MaxOutput) : output.ToString();
        }
        if (timedOut)
        {
            tail += $"{Environment.NewLine}[killed after {timeout.TotalSeconds:0} s]";
        }
        return new CommandResult(command, timedOut ? -1 : process.ExitCode, timedOut, tail, clock.ElapsedMilliseconds);
    }
}
