namespace Kiro.Mcp.Bench;

/// <summary>
/// The rows of the "fast and lean" table (tools/bench/run.sh table): each benchmark records the figures it printed, and
/// <see cref="TableBench"/> prints them together at the end, ours beside the reference measured in the same run.
/// </summary>
internal static class BenchTable
{
    private static readonly List<(string What, string Ours, string Reference)> Rows = [];

    /// <summary>Appended to the rows recorded while set: which build of the server a pass measured.</summary>
    public static string Pass { get; set; } = "";

    public static void Record(string what, string ours, string reference = "")
    {
        lock (Rows)
        {
            Rows.Add((what + Pass, ours, reference));
        }
    }

    public static void Print()
    {
        Console.WriteLine("| what | ours | reference in the same run |");
        Console.WriteLine("|---|---|---|");
        lock (Rows)
        {
            foreach (var (what, ours, reference) in Rows)
            {
                Console.WriteLine($"| {what} | {ours} | {reference} |");
            }
        }
    }
}
