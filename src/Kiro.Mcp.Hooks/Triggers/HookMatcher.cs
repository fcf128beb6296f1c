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
public static class HookMatcher
{
    // A hostile pattern must not stall the watcher: matching gives up after this long.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<string, Regex> Regexes = new(StringComparer.Ordinal);

    /// <summary>The event narrowed to what the hook matches (file triggers keep only matching files), or null when it does not apply.</summary>
    public static HookEvent? Apply(HookDefinition hook, HookEvent e)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(e);
        if (hook.Trigger != e.Trigger)
        {
            return null;
        }
        if (!HookTriggers.IsFileTrigger(e.Trigger))
        {
            return hook.Matcher is null || IsMatch(hook.Matcher, e.Subject) ? e : null;
        }
        var files = e.Files.Where(f => MatchesFile(hook, f)).ToList();
        return files.Count == 0 ? null : e with { Files = files };
    }

    public static bool MatchesFile(HookDefinition hook, string path)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (hook.Matcher is not null)
        {
            return IsMatch(hook.Matcher, path);
        }
        if (hook.Patterns.Count > 0)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddIncludePatterns(hook.Patterns);
            return matcher.Match(path).HasMatches;
        }
        return true;
    }

    private static bool IsMatch(string pattern, string text)
    {
        try
        {
            return Regexes.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, RegexTimeout)).IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
