using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Kiro.Mcp.Hooks.Definitions;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Kiro.Mcp.Hooks.Triggers;

/// <summary>
/// Whether a hook applies to an event. File triggers: a v1 <c>matcher</c> is a regular expression
/// searched in each workspace-relative path ('/' separators); legacy <c>patterns</c> are globs
/// (<c>**/*.ts</c>, <c>src/*.js</c>); with neither, every file matches. Other triggers: the matcher is
/// searched in <see cref="HookEvent.Subject"/>; patterns do not apply.
/// </summary>
/// <remarks>
/// A matcher comes from a repository and is hostile until proven otherwise. Each is compiled once per
/// version of its hook file, on the linear-time engine (<see cref="RegexOptions.NonBacktracking"/>) when
/// the pattern allows it, so nested quantifiers cost nothing; a pattern that needs backtracking
/// (lookarounds, backreferences) runs with a timeout, and one that hits it is skipped, with a finding,
/// until its hook file changes: a catastrophic pattern costs its timeout once, not per hook per event.
/// </remarks>
public sealed class HookMatcher
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    // Versions of edited hook files pile up; past this many, the cache starts over.
    private const int MaxCached = 1000;

    private readonly ConcurrentDictionary<(string File, string Version, string Pattern), CompiledPattern> _patterns = new();
    private long _timedOut;

    /// <summary>How many evaluations hit the timeout since start (each costs <see cref="RegexTimeout"/>).</summary>
    public long TimedOutEvaluations => Interlocked.Read(ref _timedOut);

    /// <summary>The matchers skipped because they timed out, one finding each, for hook_list.</summary>
    public IReadOnlyList<HookFinding> Findings =>
        [.. _patterns.Where(p => p.Value.TimedOut).Select(p => new HookFinding(p.Key.File, 1, HookFinding.Warning,
            $"the matcher '{p.Key.Pattern}' took longer than {RegexTimeout.TotalSeconds:0} s on a path and is skipped until the hook file changes. " +
            "Simplify it (no nested quantifiers with lookarounds or backreferences)."))];

    /// <summary>The event narrowed to what the hook matches (file triggers keep only matching files), or null when it does not apply.</summary>
    public HookEvent? Apply(HookDefinition hook, HookEvent e)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(e);
        if (hook.Trigger != e.Trigger)
        {
            return null;
        }
        if (!HookTriggers.IsFileTrigger(e.Trigger))
        {
            return hook.Matcher is null || IsMatch(hook, e.Subject) ? e : null;
        }
        var files = e.Files.Where(f => MatchesFile(hook, f)).ToList();
        return files.Count == 0 ? null : e with { Files = files };
    }

    public bool MatchesFile(HookDefinition hook, string path)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (hook.Matcher is not null)
        {
            return IsMatch(hook, path);
        }
        if (hook.Patterns.Count > 0)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddIncludePatterns(hook.Patterns);
            return matcher.Match(path).HasMatches;
        }
        return true;
    }

    private bool IsMatch(HookDefinition hook, string text)
    {
        var compiled = Compiled(hook);
        if (compiled.TimedOut || compiled.Regex is null)
        {
            return false;
        }
        try
        {
            return compiled.Regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            compiled.TimedOut = true;
            Interlocked.Increment(ref _timedOut);
            return false;
        }
    }

    private CompiledPattern Compiled(HookDefinition hook)
    {
        var key = (hook.File, hook.FileVersion, hook.Matcher!);
        if (_patterns.TryGetValue(key, out var compiled))
        {
            return compiled;
        }
        if (_patterns.Count >= MaxCached)
        {
            _patterns.Clear();
        }
        return _patterns.GetOrAdd(key, k => new CompiledPattern(Compile(k.Pattern)));
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);
        }
        catch (NotSupportedException)
        {
            // Lookarounds, backreferences, atomic groups: only the backtracking engine has them.
        }
        catch (ArgumentException)
        {
            // Not a regular expression: the hook file reader reported it already.
            return null;
        }
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private sealed class CompiledPattern(Regex? regex)
    {
        public Regex? Regex { get; } = regex;

        public volatile bool TimedOut;
    }
}
