namespace Kiro.Mcp.Specs.Validation;

/// <summary>Errors block approval; warnings and info are advice.</summary>
public enum FindingSeverity
{
    Error,
    Warning,
    Info,
}
