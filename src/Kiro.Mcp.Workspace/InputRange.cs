namespace Kiro.Mcp.Workspace;

/// <summary>
/// Numeric arguments are checked against the range their description promises: a value outside it is
/// refused with that range rather than silently clamped, so a caller learns what the tool accepts.
/// </summary>
public static class InputRange
{
    /// <summary><paramref name="value"/>, or <paramref name="fallback"/> when null; throws "argument_out_of_range" outside min..max.</summary>
    public static int Check(string name, int? value, int fallback, int min, int max)
    {
        var actual = value ?? fallback;
        if (actual < min || actual > max)
        {
            throw new KiroException("argument_out_of_range", $"'{name}' must be from {min} to {max}; {actual} is not. Omit it for the default, {fallback}.");
        }
        return actual;
    }
}
