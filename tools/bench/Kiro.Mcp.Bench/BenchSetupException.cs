namespace Kiro.Mcp.Bench;

/// <summary>Something the benchmark needs is missing (a build, an install, the fixtures); the message says what to run.</summary>
internal sealed class BenchSetupException : Exception
{
    public BenchSetupException()
    {
    }

    public BenchSetupException(string message)
        : base(message)
    {
    }

    public BenchSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
