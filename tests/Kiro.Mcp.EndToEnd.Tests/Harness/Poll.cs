namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>Waits for something a background part of the server does (a hook run, a file write), by polling.</summary>
public static class Poll
{
    // Generous: the machine is shared and slow; this is how long to wait, not how fast it must be.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        await UntilAsync(() => Task.FromResult(condition()), what);
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {Timeout.TotalSeconds} s for {what}.");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
