using System.Globalization;

namespace Kiro.Mcp.Bench;

/// <summary>The <c>--name value</c> options of one benchmark, each with a default, so every benchmark runs with none.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private BenchArgs()
    {
    }

    public static BenchArgs Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var parsed = new BenchArgs();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!known.Contains(args[i]))
            {
                throw new ArgumentException($"Unknown option {args[i]}; this benchmark takes {string.Join(", ", known)}.");
            }
            parsed._values[args[i]] = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"Missing value for {args[i]}");
        }
        return parsed;
    }

    public string? String(string name) => _values.GetValueOrDefault(name);

    public int Positive(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs a positive integer, got '{value}'");
    }
}
