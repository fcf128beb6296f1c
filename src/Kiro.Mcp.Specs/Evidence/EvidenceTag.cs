namespace Kiro.Mcp.Specs.Evidence;

/// <summary>
/// What a test claims to prove: a correctness property of a spec's design (Kiro's own tag,
/// "Feature: checkout, Property 3: …") or acceptance criteria directly ("Feature: checkout, Requirements: 1.2, 2.1").
/// </summary>
/// <param name="Property">The property number, or null for a criteria tag.</param>
/// <param name="Criteria">The criterion ids of a criteria tag; empty for a property tag.</param>
public sealed record EvidenceTag(string Spec, string? Property, IReadOnlyList<string> Criteria);
