using System.Globalization;

namespace Kiro.Mcp.Fuzz.Tests;

/// <summary>
/// How many cases each property tries: a short fixed number by default (CI, a few seconds in all), or
/// KIRO_FUZZ_ITERATIONS on demand. KIRO_FUZZ_SEED replays the seed CsCheck printed for a failure.
/// </summary>
internal static class FuzzBudget
{
    public const int DefaultIterations = 200;

    public static int Iterations { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("KIRO_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultIterations;

    public static string? Seed { get; } = Environment.GetEnvironmentVariable("KIRO_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;
}
