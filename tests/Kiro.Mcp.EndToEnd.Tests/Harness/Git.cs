using System.Diagnostics;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>The git command line, for tests that need a real repository with real commits.</summary>
public static class Git
{
    public static string Run(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
        return output.Trim();
    }

    public static void Init(string folder)
    {
        Run(folder, "init", "-q");
        Run(folder, "config", "user.name", "Test");
        Run(folder, "config", "user.email", "test@example.com");
    }

    public static string CommitAll(string folder, string message)
    {
        Run(folder, "add", "-A");
        Run(folder, "commit", "-q", "-m", message);
        return Run(folder, "rev-parse", "HEAD");
    }
}
