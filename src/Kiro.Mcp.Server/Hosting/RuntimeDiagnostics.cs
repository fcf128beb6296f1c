using System.Diagnostics;
using System.Runtime;
using Serilog.Events;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// What the process loaded and compiled, logged at Debug when a stdio session ends. A desktop client
/// launches the server per conversation, so start-up cost matters, and it is mostly assembly loading and
/// JIT: this shows both without a profiler (and shows that the stdio path never touches the web stack).
/// </summary>
internal static class RuntimeDiagnostics
{
    public static void Log(Serilog.ILogger logger)
    {
        if (!logger.IsEnabled(LogEventLevel.Debug))
        {
            return;
        }
        var assemblies = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName().Name ?? "?")
            .Order(StringComparer.Ordinal)
            .ToArray();
        logger.Debug("Loaded assemblies ({Count}): {Assemblies}", assemblies.Length, string.Join(", ", assemblies));
        using var process = Process.GetCurrentProcess();
        logger.Debug(
            "JIT compiled {Methods} methods in {JitMilliseconds:F0} ms; GC {GcMode}; peak working set {PeakMegabytes:F1} MB",
            JitInfo.GetCompiledMethodCount(),
            JitInfo.GetCompilationTime().TotalMilliseconds,
            GCSettings.IsServerGC ? "server" : "workstation",
            process.PeakWorkingSet64 / (1024.0 * 1024.0));
    }
}
