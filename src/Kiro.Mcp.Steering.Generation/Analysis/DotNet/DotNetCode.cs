namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>A project's code model, from syntax: namespaces and their key types, entry points, HTTP endpoints.</summary>
public sealed record DotNetCode(int Files, IReadOnlyList<NamespaceFacts> Namespaces, IReadOnlyList<EntryPoint> EntryPoints, IReadOnlyList<Endpoint> Endpoints)
{
    public static DotNetCode Empty { get; } = new(0, [], [], []);
}
