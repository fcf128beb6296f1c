namespace Kiro.Mcp.EndToEnd.Tests.Harness;

public enum Transport
{
    Stdio,
    Http,
}
