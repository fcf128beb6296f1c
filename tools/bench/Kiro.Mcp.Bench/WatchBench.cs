using System.Diagnostics;
using System.Globalization;
using Kiro.Mcp.Workspace;
using LibGit2Sharp;

namespace Kiro.Mcp.Bench;

/// <summary>
/// What watching costs in inotify watches: --repos git repositories of --folders folders each, half
/// of them under a git-ignored folder, watched first as the server used to (one recursive
/// FileSystemWatcher per repository) and then by <see cref="WorkspaceWatcher"/> as the server
/// creates it (ignore rules, a watch per folder not ignored). Watches and inotify instances are
/// counted from /proc/self/fdinfo, as the kernel sees them. Linux only.
/// </summary>
internal static class WatchBench
{
    public static readonly string[] Options = ["--repos", "--folders"];

    public static int Run(BenchArgs options)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("watches reads /proc: Linux only.");
            return 1;
        }
        var repos = options.Positive("--repos", 10);
        var folders = options.Positive("--folders", 5000);
        var work = Directory.CreateTempSubdirectory("kiro-bench-watches-");
        try
        {
            var roots = Enumerable.Range(0, repos).Select(i => Generate(Path.Join(work.FullName, $"repo{i}"), folders)).ToList();
            Console.WriteLine($"{repos} repositories × {folders} folders (half under a git-ignored folder); max_user_watches {Limit("max_user_watches")}, max_user_instances {Limit("max_user_instances")}");
            Console.WriteLine($"{"watcher",-34} {"inotify watches",16} {"per repo",9} {"instances",10} {"start ms",9}");

            var before = InotifyUsage.Of("self");
            var clock = Stopwatch.StartNew();
            var recursive = roots.Select(root => new FileSystemWatcher(root) { IncludeSubdirectories = true, EnableRaisingEvents = true }).ToList();
            var oldElapsed = clock.ElapsedMilliseconds;
            var old = Settle(before.Watches + (repos * folders));
            Print("recursive FileSystemWatcher (old)", old.Watches - before.Watches, repos, old.Instances, oldElapsed);
            recursive.ForEach(w => w.Dispose());
            Settle(before.Watches);

            var heap = GC.GetTotalMemory(forceFullCollection: true);
            clock.Restart();
            var watchers = roots.Select(root => WatcherFor(root)).ToList();
            watchers.ForEach(w => w.Start());
            var elapsed = clock.ElapsedMilliseconds;
            var perWatcher = (GC.GetTotalMemory(forceFullCollection: true) - heap) / repos;
            var now = Settle(before.Watches + watchers.Sum(w => w.WatchCount));
            Print("WorkspaceWatcher (ignore rules)", now.Watches - before.Watches, repos, now.Instances, elapsed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"WorkspaceWatcher.WatchCount sum: {watchers.Sum(w => w.WatchCount)}; degraded: {watchers.Count(w => w.DegradedReason is not null)}; managed heap per watcher: {perWatcher / 1024.0:N0} KiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"100 such repositories, all loaded: old {(old.Watches - before.Watches) * 100L / repos:N0} watches, new {(now.Watches - before.Watches) * 100L / repos:N0}; 5 loaded: new {(now.Watches - before.Watches) * 5L / repos:N0}"));
            watchers.ForEach(w => w.Dispose());
            return 0;
        }
        finally
        {
            TempFolder.Delete(work);
        }
    }

    // As the server's WatcherHost.Create makes it (Kiro.Mcp.Server is not referenced here).
    private static WorkspaceWatcher WatcherFor(string root) =>
        new(new WorkspaceRoot(root), ".", TimeSpan.FromMilliseconds(300), new WatcherOptions());

    /// <summary>A git repository: .kiro, src/ with half the folders, generated/ (git-ignored) with the other half.</summary>
    private static string Generate(string root, int folders)
    {
        Directory.CreateDirectory(root);
        Repository.Init(root);
        File.WriteAllText(Path.Join(root, ".gitignore"), "generated/\n");
        Directory.CreateDirectory(Path.Join(root, ".kiro", "specs"));
        // Root, .kiro, .kiro/specs, src, generated: the rest split between src and generated, 50 per parent.
        var remaining = folders - 5;
        Tree(Path.Join(root, "src"), remaining / 2);
        Tree(Path.Join(root, "generated"), remaining - (remaining / 2));
        return root;
    }

    private static void Tree(string top, int count)
    {
        Directory.CreateDirectory(top);
        var made = 0;
        for (var i = 0; made < count; i++)
        {
            var parent = Path.Join(top, $"p{i}");
            Directory.CreateDirectory(parent);
            made++;
            for (var j = 0; j < 49 && made < count; j++, made++)
            {
                Directory.CreateDirectory(Path.Join(parent, $"c{j}"));
            }
        }
    }

    /// <summary>Waits until the process holds <paramref name="expected"/> watches or the count stops moving (watches are added on a background thread).</summary>
    private static (int Watches, int Instances) Settle(int expected)
    {
        var last = InotifyUsage.Of("self");
        for (var quiet = 0; quiet < 10 && last.Watches != expected;)
        {
            Thread.Sleep(100);
            var now = InotifyUsage.Of("self");
            quiet = now.Watches == last.Watches ? quiet + 1 : 0;
            last = now;
        }
        return last;
    }

    private static string Limit(string name) => File.ReadAllText($"/proc/sys/fs/inotify/{name}").Trim();

    private static void Print(string name, int watches, int repos, int instances, long milliseconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {watches,16:N0} {watches / repos,9:N0} {instances,10} {milliseconds,9}"));
}
