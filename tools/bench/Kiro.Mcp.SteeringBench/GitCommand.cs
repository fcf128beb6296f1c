using System.Diagnostics;

namespace Kiro.Mcp.SteeringBench;

/// <summary>Runs git in a folder; a failure stops the benchmark (a half-made repository would measure nothing).</summary>
internal static class GitCommand
{
    public static void Run(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        output.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {error.Trim()}");
        }
    }
}
