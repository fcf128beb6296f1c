using System.Collections.Concurrent;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Service;

/// <summary>
/// The in-memory index of parsed spec documents and run logs. Entries are keyed by the file's content
/// version, so the index can never answer with a stale parse: a file changed in an editor has a new
/// version and is parsed again on its next read. A write through the server puts what it wrote here
/// (<see cref="PutTasks"/>; runs are appended through <see cref="AppendRunAsync"/>), so the server never parses its own output. The file
/// watcher calls <see cref="Forget"/>, which drops the entries of files that are gone, so memory follows
/// the files on disk; an entry whose file still exists stays, since its version is checked on every use.
/// </summary>
public sealed class SpecIndex
{
    // A ceiling, not a tuning knob: far above any real workspace, low enough that a long-running
    // server editing documents all day cannot grow without bound.
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, (string Version, object Parsed)> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Key, IReadOnlyList<TaskRecheck> Rechecks)> _drift = new(StringComparer.Ordinal);
    private static long _generation;

    private readonly ConcurrentDictionary<string, RunLogEntry> _logs = new(StringComparer.Ordinal);
    private readonly FileStore? _store;
    private int _parses;

    // The parses in progress, by path, version and kind of parse: callers that arrive meanwhile wait for the one.
    private readonly ConcurrentDictionary<(string Path, string Version, Type Kind), Lazy<object>> _parsing = new();

    public SpecIndex()
    {
    }

    /// <param name="store">Asked by <see cref="Forget"/> whether a changed file still exists.</param>
    public SpecIndex(FileStore store) => _store = store;

    /// <summary>Tests only: how many documents and run logs were parsed (not found here).</summary>
    internal int Parses => Volatile.Read(ref _parses);

    public RequirementsDocument Requirements(string path, VersionedText file, DocumentKind kind) =>
        Get(path, file, text => kind == DocumentKind.Bugfix ? RequirementsParser.ParseBugfix(text) : RequirementsParser.Parse(text));

    public DesignDocument Design(string path, VersionedText file) => Get(path, file, DesignParser.Parse);

    public TasksDocument Tasks(string path, VersionedText file) => Get(path, file, TasksParser.Parse);

    /// <summary>As <see cref="Tasks(string, VersionedText)"/>, giving up when <paramref name="cancellationToken"/> is cancelled.</summary>
    internal TasksDocument TasksCancellable(string path, VersionedText file, CancellationToken cancellationToken) =>
        Get(path, file, text => TasksParser.ParseCancellable(text, cancellationToken));

    /// <summary>The spec's .workflow.json, parsed once per version: every call that names a spec reads it.</summary>
    internal SpecState State(string path, VersionedText file) => Get(path, file, text => SpecState.Parse(text, path));

    /// <summary>The spec's .config.kiro, parsed once per version (null when it is not a config Kiro would read).</summary>
    internal SpecConfig? Config(string path, VersionedText file) => Get(path, file, text => new ConfigParse(SpecConfig.TryParse(text))).Config;

    /// <summary>Records the parse of a tasks.md the server just wrote, so the next read finds it.</summary>
    internal void PutTasks(string path, string version, TasksDocument document) => Put(path, version, document);

    /// <summary>The runs of a legacy run log (<c>.runs.json</c>; none when there is no file), parsed once per version.</summary>
    internal IReadOnlyList<TaskRun> Runs(string path, VersionedText? file) =>
        file is null ? [] : Get(path, file, text => new RunList(RunLog.ParseLegacy(text, path))).Runs;

    /// <summary>
    /// The runs of a spec (<see cref="RunLog"/>) and a version that changes whenever they do. The log is read
    /// incrementally: only lines added since the last read are parsed. The legacy file, while it is there, is
    /// parsed only when the runs are asked for (it may be large, and most calls never look).
    /// </summary>
    internal async Task<(string Version, Lazy<IReadOnlyList<TaskRun>> Runs)> RunsAsync(FileStore store, string spec, CancellationToken cancellationToken)
    {
        var entry = LogOf(store, spec);
        var (generation, runs) = await entry.Log.ReadAsync(entry.Consume, cancellationToken);
        var legacyPath = RunLog.LegacyPathOf(spec);
        if (await store.ReadAsync(legacyPath, cancellationToken) is not { } legacy)
        {
            return ($"{generation}", new Lazy<IReadOnlyList<TaskRun>>(runs));
        }
        return ($"{legacy.Version}+{generation}", new Lazy<IReadOnlyList<TaskRun>>(() => Merge(Runs(legacyPath, legacy), runs)));
    }

    /// <summary>
    /// Appends the run <paramref name="record"/> makes of the runs as they are under the log's lock (nothing when it
    /// returns null), so no other record can be lost in between. A legacy <c>.runs.json</c> is migrated on the way: its
    /// runs are appended first (those not already there) and it is deleted; "runs_invalid" when it cannot be read.
    /// </summary>
    internal async Task AppendRunAsync(FileStore store, string spec, Func<IReadOnlyList<TaskRun>, TaskRun?> record, CancellationToken cancellationToken)
    {
        var entry = LogOf(store, spec);
        var legacyPath = RunLog.LegacyPathOf(spec);
        var legacy = await store.ReadAsync(legacyPath, cancellationToken);
        var legacyRuns = Runs(legacyPath, legacy);
        await entry.Log.AppendAsync(lines =>
        {
            entry.Consume(lines);
            var current = legacyRuns.Count == 0 ? entry.History.Runs : Merge(legacyRuns, entry.History.Runs);
            if (record(current) is not { } run)
            {
                return null;
            }
            using var bytes = new MemoryStream();
            foreach (var old in legacyRuns.Where(r => !entry.History.Contains(r.Id!)))
            {
                bytes.Write(RunLog.Line(old));
            }
            bytes.Write(RunLog.Line(run));
            return bytes.ToArray();
        }, entry.Consume, cancellationToken);
        if (legacy is not null)
        {
            await store.DeleteAsync(legacyPath, cancellationToken);
        }
    }

    private RunLogEntry LogOf(FileStore store, string spec)
    {
        if (_logs.Count >= MaxEntries)
        {
            _logs.Clear();
        }
        return _logs.GetOrAdd(RunLog.PathOf(spec), path => new RunLogEntry(store.Log(path)));
    }

    private static IReadOnlyList<TaskRun> Merge(IReadOnlyList<TaskRun> legacy, IReadOnlyList<TaskRun> logged)
    {
        var history = new RunHistory();
        foreach (var run in legacy.Concat(logged))
        {
            history.Apply(run);
        }
        return history.Runs;
    }

    /// <summary>
    /// The done tasks to recheck (<see cref="TaskDrift.Find"/>), computed once per set of file versions: it hashes
    /// the criteria and design sections of every done task, so a long history would otherwise cost every status call.
    /// </summary>
    internal IReadOnlyList<TaskRecheck> Drift(SpecSnapshot snapshot)
    {
        var key = snapshot.VersionKey();
        if (_drift.TryGetValue(snapshot.Name, out var known) && known.Key == key)
        {
            return known.Rechecks;
        }
        var rechecks = TaskDrift.Find(snapshot);
        if (_drift.Count >= MaxEntries)
        {
            _drift.Clear();
        }
        _drift[snapshot.Name] = (key, rechecks);
        return rechecks;
    }

    /// <summary>
    /// Drops what is known of these workspace-relative paths (files or folders) when they no longer exist.
    /// A file that still exists keeps its entry: it is used only while its version matches, and the change
    /// reported is usually the server's own write, whose parse is already here.
    /// </summary>
    public void Forget(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            foreach (var key in _entries.Keys)
            {
                if ((key == path || key.StartsWith(path + "/", StringComparison.Ordinal) || path == ".") && !Exists(key))
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private bool Exists(string path)
    {
        try
        {
            return _store?.FileExists(path) ?? false;
        }
        catch (KiroException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private T Get<T>(string path, VersionedText file, Func<string, T> parse)
        where T : class
    {
        if (_entries.TryGetValue(path, out var entry) && entry.Version == file.Version && entry.Parsed is T cached)
        {
            return cached;
        }
        // One parse per version, however many calls ask at once: a server's first calls (200 sessions at once under
        // tools/bench/run.sh load) would otherwise each parse the same large document, and the memory that takes stays
        // with the process. A waiter blocks for the one parse in progress rather than doing it again.
        var key = (path, file.Version, typeof(T));
        while (true)
        {
            var own = new Lazy<object>(() =>
            {
                Interlocked.Increment(ref _parses);
                return parse(file.Text);
            }, LazyThreadSafetyMode.ExecutionAndPublication);
            var parsing = _parsing.GetOrAdd(key, own);
            var mine = ReferenceEquals(parsing, own);
            try
            {
                var parsed = (T)parsing.Value;
                Put(path, file.Version, parsed);
                return parsed;
            }
            catch (OperationCanceledException) when (!mine)
            {
                // The caller whose parse this was gave up: parse for this caller instead.
            }
            finally
            {
                _parsing.TryRemove(KeyValuePair.Create(key, parsing));
            }
        }
    }

    private void Put(string path, string version, object parsed)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[path] = (version, parsed);
    }

    // A class around the list: the index holds one kind of value per path, told apart by type.
    private sealed record RunList(IReadOnlyList<TaskRun> Runs);

    /// <summary>A spec's run log as read so far: the lines parsed into a history, and its generation (a new one per change).</summary>
    private sealed class RunLogEntry(AppendLog log)
    {
        public AppendLog Log { get; } = log;

        public RunHistory History { get; } = new();

        public long Generation { get; private set; }

        /// <summary>Called under the log's gate only.</summary>
        public (long Generation, IReadOnlyList<TaskRun> Runs) Consume(LogLines lines)
        {
            var changed = lines.Reset;
            if (lines.Reset)
            {
                History.Clear();
            }
            changed |= RunLog.Read(lines.Lines.Span, History) > 0;
            if (changed)
            {
                Generation = Interlocked.Increment(ref _generation);
            }
            return (Generation, History.Runs);
        }
    }

    // A class around a parse that may find nothing.
    private sealed record ConfigParse(SpecConfig? Config);
}
