namespace Kiro.Mcp.Conformance.Host;

/// <summary>The smallest valid media the fixtures return.</summary>
internal static class FixtureData
{
    /// <summary>A 1x1 red PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /// <summary>A WAV header with two bytes of silence.</summary>
    public static byte[] Wav { get; } = Convert.FromBase64String("UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=");
}
