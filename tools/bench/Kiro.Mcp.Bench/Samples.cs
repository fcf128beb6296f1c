using System.Globalization;

namespace Kiro.Mcp.Bench;

/// <summary>Latencies of one tool, in milliseconds, summarised by order statistics rather than a mean
/// because a single GC pause or process launch would skew an average.</summary>
internal sealed class Samples(string tool)
{
    private readonly List<double> _millis = [];

    public string Tool { get; } = tool;

    public void Add(TimeSpan elapsed) => _millis.Add(elapsed.TotalMilliseconds);

    public string Summary()
    {
        var sorted = _millis.Order().ToArray();
        var n = sorted.Length;
        if (n == 0)
        {
            return $"{Tool,-14}n=0";
        }
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        var p95 = sorted[(int)Math.Ceiling(0.95 * n) - 1];
        return string.Create(CultureInfo.InvariantCulture,
            $"{Tool,-14}n={n,-5} median={median,8:F2} ms  p95={p95,8:F2} ms  max={sorted[^1],8:F2} ms");
    }
}
