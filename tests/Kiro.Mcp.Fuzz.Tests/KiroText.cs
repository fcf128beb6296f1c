using CsCheck;

namespace Kiro.Mcp.Fuzz.Tests;

/// <summary>
/// Generators of text shaped like Kiro's documents: lines drawn from the syntax the parsers look for
/// (headings, checkboxes, criteria, traceability lines, fences, quotes), mutated and mixed with noise,
/// joined by every kind of line ending. Random bytes alone would rarely reach the parsers' branches.
/// </summary>
internal static class KiroText
{
    private static readonly string[] Fragments =
    [
        "# Requirements Document", "## Introduction", "## Requirements", "### Requirement 1: Export", "### Requirement 2",
        "**User Story:** As a user, I want x, so that y", "#### Acceptance Criteria", "1. WHEN a THE System SHALL b",
        "2. IF x THEN THE System SHALL y", "## Glossary", "- **Term**: meaning", "# Design Document", "## Correctness Properties",
        "### Property 1: Round trip", "**Property 2: Order**", "**Validates: Requirements 1.1, 2.3**", "_Validates: 1.2_",
        "# Implementation Plan", "- [ ] 1. Set up", "- [x] 2. Models", "  - [ ] 2.1 Sub-task", "  - [-] 2.2 In progress",
        "- [~] 3. Queued", "- [ ]* 4. Optional", "- [ ]\\* 5. Escaped", "  - _Requirements: 1.1, 2.3_", "  - _Depends: 1, 2.1_",
        "- [ ] 6. Checkpoint - all tests pass", "- [?] 7. Unknown", "- [ ] Write docs", "    - detail `src/a.ts`",
        "```", "```markdown", "> quoted - [ ] 8. task", "1.1 WHEN x THEN y", "## Current Behavior", "## Expected Behavior",
        "", " ", "\t", "---", "***", "<!-- comment -->", "| a | b |", "[link](x)", "- [CI](x)", "####### seven",
    ];

    private static readonly Gen<string> Noise = Gen.String[Gen.Char["#-*_[]()`>:.,0123456789 \tabcxX~\\{}/\u00A0\uFEFF\u2028é"], 0, 24];

    /// <summary>One line: a fragment, a fragment with noise around it, or noise.</summary>
    public static readonly Gen<string> Line = Gen.Frequency(
        (6, (IGen<string>)Gen.OneOf(Fragments)),
        (2, Gen.Select(Gen.OneOf(Fragments), Noise, Gen.Int[0, 2], (f, n, where) => where switch { 0 => n + f, 1 => f + n, _ => f.Length == 0 ? n : f[..(f.Length / 2)] + n + f[(f.Length / 2)..] })),
        (1, Noise));

    /// <summary>A document: up to 60 lines, one line ending for all of them, sometimes a BOM, sometimes no final newline.</summary>
    public static readonly Gen<string> Document = Gen.Select(Line.Array[0, 60], Gen.OneOf("\n", "\r\n", "\r"), Gen.Bool, Gen.Bool,
        (lines, newline, bom, final) => (bom ? "\uFEFF" : "") + string.Join(newline, lines) + (final ? newline : ""));
}
