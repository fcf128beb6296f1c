using System.Diagnostics;
using Kiro.Mcp.Steering.Generation.Roslyn;
using Kiro.Mcp.Steering.Generation.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>A small repository built in a temp folder, with git commits at fixed dates so history facts are stable.</summary>
public sealed class SampleRepository : IDisposable
{
    private int _commits;

    public SampleRepository()
    {
        Root = Directory.CreateTempSubdirectory("kiro-steergen-").FullName;
    }

    public string Root { get; }

    public SampleRepository Write(string relative, string text)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
        return this;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public bool Exists(string relative) => File.Exists(PathOf(relative));

    /// <summary>Commits everything, dated one day after the previous commit (from 2025-01-01), by one of two authors.</summary>
    public SampleRepository Commit(string message, string author = "dev@example.com")
    {
        if (_commits == 0)
        {
            Git("init", "-q", "-b", "main");
        }
        var date = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(_commits++).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        Git("add", "-A");
        Git(["-c", $"user.name={author}", "-c", $"user.email={author}", "commit", "-q", "-m", message], date);
        return this;
    }

    /// <summary>A generator for this repository; trusted unless told otherwise, so MSBuild evaluates the projects.</summary>
    public SteeringGenerator Generator(bool trusted = true) => new(new FileStore(new WorkspaceRoot(Root)), static () => new MsBuildCodeReader(), Trust(trusted));

    /// <summary>Trust as --trust gives it (or none): the user's list is not consulted, so no test reads the real home folder.</summary>
    public WorkspaceTrust Trust(bool trusted = true) => new(new WorkspaceRoot(Root), new TrustList(new UserKiroFolder(null)), trusted);

    /// <summary>A copy of the working tree (with .git) in another temp folder.</summary>
    public SampleRepository CopyTo()
    {
        var copy = new SampleRepository();
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Root, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp folders.
        }
    }

    private void Git(params string[] args) => Git(args, null);

    private void Git(string[] args, string? date)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        if (date is not null)
        {
            info.Environment["GIT_AUTHOR_DATE"] = date;
            info.Environment["GIT_COMMITTER_DATE"] = date;
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
    }
}
