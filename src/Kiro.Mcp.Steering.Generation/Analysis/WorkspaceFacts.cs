using Kiro.Mcp.Steering.Generation.Analysis.Docs;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Kiro.Mcp.Steering.Generation.Analysis.Git;
using Kiro.Mcp.Steering.Generation.Analysis.Manifests;

namespace Kiro.Mcp.Steering.Generation.Analysis;

/// <summary>Everything the analysis found; the renderers read only this.</summary>
public sealed record WorkspaceFacts(RepositoryFiles Files, ReadmeFacts Readme, ManifestFacts Manifests, DotNetFacts DotNet, GitFacts? Git);
