namespace Kiro.Mcp.Specs.Validation;

/// <summary>A word of a criterion (markup trimmed) or a clause-separating comma.</summary>
/// <param name="Upper">Written in capitals, which is how Kiro marks EARS keywords inside a sentence.</param>
internal readonly record struct EarsToken(string Word, EarsKeyword Keyword, bool Upper, bool IsComma)
{
    public bool IsPreamble => Keyword is EarsKeyword.When or EarsKeyword.While or EarsKeyword.If or EarsKeyword.Where;
}
