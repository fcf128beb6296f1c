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

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    public Task<CommandResult> RunAsync(string command, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(command, timeout, CommandOptions.None, cancellationToken);

    /// <summary>
    /// Runs <paramref name="command"/> with <paramref name="options"/>' input and environment;
    /// <see cref="Timeout.InfiniteTimeSpan"/> means no timeout.
    /// </summary>
    public async Task<CommandResult> RunAsync(string command, TimeSpan timeout, CommandOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var info = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } };
        info.WorkingDirectory = root.FullPath;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        foreach (var (name, value) in options.Environment)
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        var errors = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Collect(output, e.Data, null);
        // Standard error is kept on its own too: a hook that refuses something says why there.
        process.ErrorDataReceived += (_, e) => Collect(output, e.Data, errors);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var input = WriteInputAsync(process, options.Input);

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
            try
            {
                // Bounded: a process that left the tree (a daemon started with '&' after its shell exited)
                // may hold the output pipes open, and waiting for them would hang forever.
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(DrainTimeout, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // The tree is gone; what the stray process still writes is not ours to wait for.
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
        await input;
        // WaitForExitAsync returns once the output streams are drained too.
        string tail, errorTail;
        lock (output)
        {
            tail = Tail(output);
            errorTail = Tail(errors);
        }
        if (timedOut)
        {
            tail += $"{Environment.NewLine}[killed after {timeout.TotalSeconds:0} s]";
        }
        return new CommandResult(command, timedOut ? -1 : process.ExitCode, timedOut, tail, clock.ElapsedMilliseconds) { ErrorTail = errorTail };
    }

    private static void Collect(StringBuilder output, string? line, StringBuilder? errors)
    {
        if (line is null)
        {
            return;
        }
        // One lock for both buffers: the two streams arrive on different threads.
        lock (output)
        {
            foreach (var buffer in errors is null ? [output] : new[] { output, errors })
            {
                buffer.AppendLine(line);
                if (buffer.Length > MaxOutput * 2)
                {
                    buffer.Remove(0, buffer.Length - MaxOutput);
                }
            }
        }
    }

    private static string Tail(StringBuilder buffer) =>
        buffer.Length > MaxOutput ? buffer.ToString(buffer.Length - MaxOutput, MaxOutput) : buffer.ToString();

    private static async Task WriteInputAsync(Process process, string? input)
    {
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input);
                await process.StandardInput.FlushAsync();
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command exited (or closed its input) without reading everything: that is its right.
        }
    }
}
