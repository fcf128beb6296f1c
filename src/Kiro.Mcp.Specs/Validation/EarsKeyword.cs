namespace Kiro.Mcp.Specs.Validation;

/// <summary>The EARS words the classifier cares about; everything else is <see cref="None"/>.</summary>
internal enum EarsKeyword
{
    None,
    When,
    While,
    If,
    Where,
    Then,
    Shall,
}
