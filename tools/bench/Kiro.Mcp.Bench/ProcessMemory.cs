using System.Globalization;

namespace Kiro.Mcp.Bench;

/// <summary>A process's resident memory (VmRSS) from /proc: what the machine actually gives it. Linux only; null elsewhere.</summary>
internal static class ProcessMemory
{
    public static double? ResidentMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
