using System.IO.Enumeration;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Evidence;

/// <summary>
/// The test results a task's verification wrote, found by the <c>verify.results</c> glob: "TestResults/*.trx",
/// "reports/junit.xml", "TestResults/**/*.xml". The glob and the files come from the repository, so both are hostile:
/// the glob is a plain relative path whose last name alone may hold * and ?, after at most one "**" folder; files are
/// listed and opened through the workspace's confinement (a link that leads outside is refused, as any other read is);
/// only regular files written since the command started are read, each up to <see cref="MaxBytes"/>, at most
/// <see cref="MaxFiles"/> of them.
/// </summary>
public static class ResultsFiles
{
    /// <summary>Far above the results of a large suite (a TRX of 10,000 tests is a few MB), far below what would hurt the server.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    public const int MaxFiles = 50;

    /// <summary>Folders a "**" walk looks into: enough for any results layout, bounded for a hostile one.</summary>
    public const int MaxFolders = 2_000;

    private const string Setting = "verify.results";

    /// <summary>Refuses a glob that is not a plain relative path inside the workspace, before anything runs.</summary>
    /// <exception cref="KiroException">results_outside_workspace or settings_invalid.</exception>
    public static void CheckPattern(string pattern)
    {
        var parts = pattern.Split('/');
        if (pattern.Length == 0 || pattern.Length > 1_000 || pattern.Contains('\\', StringComparison.Ordinal) || pattern.Contains(':', StringComparison.Ordinal)
            || pattern.Contains('\0', StringComparison.Ordinal) || pattern.StartsWith('/') || pattern.StartsWith('~') || parts.Any(p => p is "" or "." or ".."))
        {
            throw new KiroException("results_outside_workspace",
                $"{Setting} is '{Shorten(pattern)}'; it must be a relative path inside the workspace, with '/' between names and no '..', e.g. \"TestResults/*.trx\" or \"reports/junit.xml\".");
        }
        var folders = parts[..^1];
        var deep = folders.Count(p => p == "**");
        if (folders.Any(p => p != "**" && (p.Contains('*', StringComparison.Ordinal) || p.Contains('?', StringComparison.Ordinal)))
            || deep > 1 || (deep == 1 && folders[^1] != "**") || parts[^1] == "**")
        {
            throw new KiroException("settings_invalid",
                $"{Setting} is '{Shorten(pattern)}'; only the file name may hold * or ?, after at most one '**' folder, e.g. \"TestResults/*.trx\" or \"TestResults/**/*.xml\".");
        }
    }

    /// <summary>The tests in the results files that match <paramref name="pattern"/> and were written at or after <paramref name="since"/>.</summary>
    /// <exception cref="KiroException">results_outside_workspace: the glob, or a folder or file it matches, leads outside the workspace.</exception>
    public static ResultsRead Read(FileStore store, string pattern, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(store);
        CheckPattern(pattern);
        var parts = pattern.Split('/');
        var deep = parts.Length > 1 && parts[^2] == "**";
        var start = string.Join('/', parts[..^(deep ? 2 : 1)]);
        var name = parts[^1];
        var files = new List<string>();
        var notes = new List<string>();
        var tests = new List<TestCaseResult>();
        try
        {
            var folders = deep ? Walk(store, start) : [start];
            foreach (var folder in folders)
            {
                var names = folder.Length == 0 ? store.ListFiles(".") : store.DirectoryExists(folder) ? store.ListFiles(folder) : [];
                files.AddRange(names.Where(n => FileSystemName.MatchesSimpleExpression(name, n, ignoreCase: false))
                    .Select(n => folder.Length == 0 ? n : $"{folder}/{n}"));
            }
            var read = new List<string>();
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                if (read.Count == MaxFiles)
                {
                    notes.Add($"more than {MaxFiles} results files match; the first {MaxFiles} were read");
                    break;
                }
                if (ReadOne(store, file, since, tests, notes))
                {
                    read.Add(file);
                }
            }
            return new ResultsRead(read, tests, notes);
        }
        catch (KiroException e) when (e.Code is "path_outside_workspace" or "path_invalid" or "kiro_folder_linked")
        {
            throw new KiroException("results_outside_workspace",
                $"{Setting} ('{Shorten(pattern)}') leads outside the workspace: {e.Message} Test results are read only from the workspace's own folders; point {Setting} at a real folder inside it.");
        }
    }

    /// <summary>Reads one file into <paramref name="tests"/>; false (with a note) when it is skipped.</summary>
    private static bool ReadOne(FileStore store, string file, DateTimeOffset since, List<TestCaseResult> tests, List<string> notes)
    {
        using var stream = store.Root.OpenRead(file);
        if (stream is null)
        {
            return false; // gone since it was listed
        }
        if (!stream.CanSeek)
        {
            notes.Add($"{file} is not a regular file");
            return false;
        }
        // A file the command did not write is an earlier run's evidence, not this one's. File systems stamp times with a
        // coarser clock than the one read before the command started: a second of slack.
        if (File.GetLastWriteTimeUtc(stream.SafeFileHandle) < since.UtcDateTime.AddSeconds(-1))
        {
            return false;
        }
        if (stream.Length > MaxBytes)
        {
            notes.Add($"{file} is {stream.Length:N0} bytes; results files are read up to {MaxBytes:N0}");
            return false;
        }
        try
        {
            tests.AddRange(TestResultsReader.Read(stream));
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            notes.Add($"{file} is not JUnit XML or TRX ({e.Message})");
            return false;
        }
    }

    /// <summary>The folder and those below it, parents first; links that lead outside are left out by the store.</summary>
    private static List<string> Walk(FileStore store, string start)
    {
        var found = new List<string>();
        if (start.Length > 0 && !store.DirectoryExists(start))
        {
            return found;
        }
        var pending = new Queue<string>();
        pending.Enqueue(start);
        while (pending.Count > 0 && found.Count < MaxFolders)
        {
            var folder = pending.Dequeue();
            found.Add(folder);
            foreach (var child in store.ListDirectories(folder.Length == 0 ? "." : folder))
            {
                // Never into git's or Kiro's own folders: they hold no test results.
                if (folder.Length == 0 && child is ".git" or ".kiro")
                {
                    continue;
                }
                pending.Enqueue(folder.Length == 0 ? child : $"{folder}/{child}");
            }
        }
        return found;
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
