using System.Globalization;

namespace Kiro.Mcp.Bench;

/// <summary>The packages `dotnet pack` made and the installed tool, in megabytes of 10^6 bytes (as `du -sb` counts, not `du -h`), as a user downloads and keeps them.</summary>
internal static class PackageSizes
{
    public static void Record(string feed, string? toolPath, string? referenceToolPath)
    {
        var packages = Directory.EnumerateFiles(feed, "*.nupkg").Select(f => new FileInfo(f)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        foreach (var package in packages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{package.Name,-60} {package.Length / 1e6,8:F1} MB"));
        }
        var installed = Megabytes(toolPath);
        Console.WriteLine(installed is { } mb ? string.Create(CultureInfo.InvariantCulture, $"installed tool (this platform): {mb:F1} MB") : "");
        // The floor: the C# SDK's minimal stdio server (tools/bench/MinimalSdkServer), packed and installed the same way.
        var reference = Megabytes(referenceToolPath);
        Console.WriteLine(reference is { } r ? string.Create(CultureInfo.InvariantCulture, $"installed C# SDK minimal server: {r:F1} MB") : "");
        BenchTable.Record("tool packages / installed tool", string.Create(CultureInfo.InvariantCulture,
            $"{packages.Count} packages, {packages.Sum(p => p.Length) / 1e6:F0} MB; installed {(installed is { } i ? $"{i:F1} MB" : "not measured")}"),
            reference is { } floor ? string.Create(CultureInfo.InvariantCulture, $"C# SDK minimal stdio server (one tool) installed {floor:F1} MB") : "");
    }

    // Every file under the tool path, as `du -sb` counts them (the installer's package copies included).
    private static double? Megabytes(string? toolPath) =>
        toolPath is null ? null : Directory.EnumerateFiles(toolPath, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1e6;
}
