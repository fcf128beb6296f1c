using System.Globalization;

namespace Kiro.Mcp.Bench;

/// <summary>Latencies of one operation, in milliseconds, summarised by order statistics rather than a mean
/// because a single GC pause or process launch would skew an average.</summary>
internal sealed class Samples(string name)
{
    private readonly List<double> _millis = [];

    public string Name { get; } = name;

    public int Count => _millis.Count;

    public void Add(TimeSpan elapsed) => _millis.Add(elapsed.TotalMilliseconds);

    public void AddRange(Samples other) => _millis.AddRange(other._millis);

    public double Median => Percentile(0.5);

    /// <summary>The sorted sample at index ceil(0.95·n) − 1.</summary>
    public double P95 => Percentile(0.95);

    public string Summary()
    {
        if (_millis.Count == 0)
        {
            return $"{Name,-16}n=0";
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name,-16}n={Count,-6} median={Median,8:F2} ms  p95={P95,8:F2} ms  max={_millis.Max(),8:F2} ms");
    }

    private double Percentile(double p)
    {
        var sorted = _millis.Order().ToArray();
        var n = sorted.Length;
        if (n == 0)
        {
            return double.NaN;
        }
        if (p == 0.5)
        {
            return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        }
        return sorted[(int)Math.Ceiling(p * n) - 1];
    }
}
