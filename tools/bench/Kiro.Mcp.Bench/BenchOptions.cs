using System.Globalization;

namespace Kiro.Mcp.Bench;

/// <summary>Command-line options: the size of the generated spec and how many calls to time.</summary>
internal sealed record BenchOptions(int Requirements, int Tasks, int Iterations)
{
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var requirements = 500;
        var tasks = 2000;
        var iterations = 200;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"Missing value for {args[i]}");
            switch (args[i])
            {
                case "--requirements": requirements = Positive(args[i], value); break;
                case "--tasks": tasks = Positive(args[i], value); break;
                case "--iterations": iterations = Positive(args[i], value); break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
            i++;
        }
        return new BenchOptions(requirements, tasks, iterations);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs a positive integer, got '{value}'");
}
