namespace Kiro.Mcp.Specs.Service;

/// <summary>A page of specs in name order; pass <see cref="NextCursor"/> back to get the next page.</summary>
public sealed record SpecPage(IReadOnlyList<SpecSummary> Specs, int Total, string? NextCursor);
