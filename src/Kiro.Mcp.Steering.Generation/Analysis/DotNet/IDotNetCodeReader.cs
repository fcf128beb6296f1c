namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>
/// Reads .NET projects through the compiler platform. The implementation lives in its own assembly
/// (Kiro.Mcp.Steering.Generation.Roslyn) so that Roslyn and MSBuild load only when generation runs.
/// </summary>
public interface IDotNetCodeReader
{
    Task<DotNetCodeResult> ReadAsync(DotNetCodeRequest request, CancellationToken cancellationToken);
}
