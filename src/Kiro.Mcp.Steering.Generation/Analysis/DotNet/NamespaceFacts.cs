namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>A namespace, how many types it declares, and its key types (public ones with the most members first).</summary>
public sealed record NamespaceFacts(string Name, int Types, IReadOnlyList<string> KeyTypes);
