using System.Diagnostics;
using System.Text;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Runs a shell command in the workspace. The command ends when its shell exits (or at the timeout);
/// whatever it left running is then killed, so no process of a run outlives it, and its output is
/// read as a stream into a bounded tail, so a flood costs a few kilobytes. On Linux the run is its
/// own session and process group and escaped descendants are found through /proc (see
/// <see cref="ProcessSweep"/>); elsewhere the process tree is killed at the timeout.
/// </summary>
public sealed class CommandRunner(WorkspaceRoot root)
{
    /// <summary>About 1,000 tokens: enough to see why a test run failed.</summary>
    public const int MaxOutput = 4000;

    /// <summary>What a zero, negative or infinite timeout means: no command runs forever.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    /// <summary>
    /// How long background children may keep the output pipes open after the shell exited. Short on
    /// purpose: a command's output is what it printed before it exited.
    /// </summary>
    public static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(1);

    private const int ChunkBytes = 16 * 1024;
    private const int NoteRoom = 64;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);

    public Task<CommandResult> RunAsync(string command, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(command, timeout, CommandOptions.None, cancellationToken);

    /// <summary>The timeout actually applied to <paramref name="requested"/>: the default for zero, negative or infinite, capped at <see cref="MaxTimeout"/>.</summary>
    public static TimeSpan Effective(TimeSpan requested) =>
        requested <= TimeSpan.Zero ? DefaultTimeout : requested > MaxTimeout ? MaxTimeout : requested;

    /// <summary>Runs <paramref name="command"/> with <paramref name="options"/>' input and environment.</summary>
    public async Task<CommandResult> RunAsync(string command, TimeSpan timeout, CommandOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        timeout = Effective(timeout);
        var marker = Guid.NewGuid().ToString("N");
        var info = StartInfo(command);
        info.WorkingDirectory = root.FullPath;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        foreach (var (name, value) in options.Environment)
        {
            info.Environment[name] = value;
        }
        info.Environment[ProcessSweep.MarkerVariable] = marker;

        // Room is kept for the note that says how much was dropped, so the whole stays within MaxOutput.
        var output = new OutputTail(MaxOutput - NoteRoom);
        // Standard error is kept on its own too: a hook that refuses something says why there.
        var errors = new OutputTail(MaxOutput);
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.Start();
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, output, null), PumpAsync(process.StandardError.BaseStream, output, errors));
        var input = WriteInputAsync(process, options.Input);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            // The shell exited; children that still hold its pipes get a moment to finish writing.
            await WaitBoundedAsync(pumps, PipeGrace);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
        }

        var (killed, survivors) = await KillLeftoversAsync(process, marker);
        // Every writer is dead, so the pipes reach their end; one that escaped us is not waited for.
        await WaitBoundedAsync(pumps, DrainTimeout);
        await WaitBoundedAsync(input, DrainTimeout);
        cancellationToken.ThrowIfCancellationRequested();

        string tail, errorTail;
        long dropped;
        lock (output)
        {
            tail = output.Text;
            errorTail = errors.Text;
            dropped = output.DroppedBytes;
        }
        if (dropped > 0)
        {
            tail = FormattableString.Invariant($"[{dropped} earlier bytes of output dropped]{Environment.NewLine}") + tail;
        }
        tail += Report(timedOut, timeout, killed, survivors);
        return new CommandResult(command, timedOut ? -1 : process.ExitCode, timedOut, tail, clock.ElapsedMilliseconds)
        {
            ErrorTail = errorTail,
            KilledProcesses = killed,
            Survivors = survivors,
            OutputDroppedBytes = dropped,
        };
    }

    private static ProcessStartInfo StartInfo(string command)
    {
        if (OperatingSystem.IsWindows())
        {
            return new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", command } };
        }
        // .NET cannot set a process group at start; setsid(1) execs the shell as the leader of a new
        // session and group (it forks first only if it is already a group leader, which a child we just
        // started never is), so the shell's pid is the group id to kill.
        return ProcessSweep.Setsid is { } setsid
            ? new ProcessStartInfo(setsid) { ArgumentList = { "/bin/sh", "-c", command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } };
    }

    private static async Task<(int Killed, int Survivors)> KillLeftoversAsync(Process process, string marker)
    {
        if (ProcessSweep.Setsid is not null)
        {
            return await ProcessSweep.KillAsync(process.Id, marker);
        }
        if (process.HasExited)
        {
            // Without /proc nothing finds what a finished shell left behind.
            return (0, 0);
        }
        process.Kill(entireProcessTree: true);
        return (1, 0);
    }

    private static string Report(bool timedOut, TimeSpan timeout, int killed, int survivors)
    {
        var notes = new StringBuilder();
        if (timedOut)
        {
            notes.Append(FormattableString.Invariant($"{Environment.NewLine}[killed after {timeout.TotalSeconds:0} s with {killed} process(es)]"));
        }
        else if (killed > 0)
        {
            notes.Append(FormattableString.Invariant($"{Environment.NewLine}[the command exited; {killed} process(es) it left running were killed]"));
        }
        if (survivors > 0)
        {
            notes.Append(FormattableString.Invariant($"{Environment.NewLine}[{survivors} process(es) could not be killed]"));
        }
        return notes.ToString();
    }

    private static async Task PumpAsync(Stream stream, OutputTail output, OutputTail? errors)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[ChunkBytes];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(ChunkBytes)];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                // One lock for both tails: the two streams arrive on different threads.
                lock (output)
                {
                    output.Append(chars.AsSpan(0, count), read);
                    errors?.Append(chars.AsSpan(0, count), read);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe was closed under us: the run is over.
        }
    }

    private static async Task WaitBoundedAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            // Not ours to wait for any longer.
        }
    }

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
