using Kiro.Mcp.Hooks.Execution;

namespace Kiro.Mcp.Hooks.Tests.Execution;

public sealed class PendingPromptsTests
{
    private static readonly HookOrigin Alice1 = new("a1", "alice");
    private static readonly HookOrigin Alice2 = new("a2", "alice");
    private static readonly HookOrigin Bob = new("b1", "bob");

    private readonly ManualClock _clock = new();

    [Fact]
    public void A_prompt_caused_by_a_session_is_handed_only_to_that_session()
    {
        var pending = Sessions();
        pending.Add("h", "f", "PostTaskExec", "task 1", "Review.", Alice1);

        Assert.Empty(pending.Take(Bob));
        Assert.Empty(pending.Peek(Bob));
        Assert.Empty(pending.Take(Alice2));
        Assert.Single(pending.Peek(Alice1));
        Assert.Single(pending.Take(Alice1));
        Assert.Empty(pending.Take(Alice1));
    }

    [Fact]
    public void A_gone_sessions_prompt_passes_to_the_same_users_next_session_and_never_to_another_user()
    {
        var pending = Sessions();
        pending.Add("h", "f", "PostTaskExec", "task 1", "Review.", Alice1);
        _clock.Advance(PendingPrompts.SessionIdle + TimeSpan.FromSeconds(1));

        Assert.Empty(pending.Take(Bob));
        Assert.Single(pending.Take(Alice2));
    }

    [Fact]
    public void A_save_nobody_here_caused_goes_to_the_session_seen_last_only()
    {
        var pending = Sessions();
        _clock.Advance(TimeSpan.FromSeconds(1));
        pending.Saw(Alice2);

        pending.Add("h", "f", "PostFileSave", "docs/a.md", "Check.", cause: null);

        Assert.Empty(pending.Take(Bob));
        Assert.Empty(pending.Take(Alice1));
        Assert.Single(pending.Take(Alice2));
    }

    [Fact]
    public void With_no_session_yet_a_save_waits_for_the_first_one()
    {
        var pending = new PendingPrompts(_clock);
        pending.Add("h", "f", "PostFileSave", "docs/a.md", "Check.", cause: null);

        Assert.Single(pending.Take(Bob));
        Assert.Empty(pending.Take(Alice1));
    }

    [Fact]
    public void Prompts_beyond_the_bound_drop_the_oldest_and_say_so()
    {
        var pending = Sessions();
        var dropped = new List<PendingPrompt>();
        pending.Dropped += dropped.Add;
        for (var i = 0; i < PendingPrompts.MaxPending + 3; i++)
        {
            pending.Add("h", "f", "PostTaskExec", $"run {i}", "Review.", Alice1);
        }
        pending.Add("h", "f", "PostTaskExec", "bob's", "Review.", Bob);

        Assert.Equal(3, dropped.Count);
        Assert.Equal("run 0", dropped[0].Event);
        Assert.Equal(PendingPrompts.MaxPending, pending.Take(Alice1).Count);
        Assert.Single(pending.Take(Bob));
    }

    [Fact]
    public void A_file_written_during_exactly_one_callers_writing_call_is_theirs()
    {
        var writers = new WriterLog(_clock);
        var start = _clock.GetUtcNow();
        using (writers.Writing(Alice1))
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        _clock.Advance(TimeSpan.FromSeconds(5));
        using var bobs = writers.Writing(Bob);
        using var alices = writers.Writing(Alice2);

        Assert.Equal(Alice1, writers.WriterAt(start + TimeSpan.FromMilliseconds(500)));
        Assert.Null(writers.WriterAt(start + TimeSpan.FromSeconds(3)));
        Assert.Null(writers.WriterAt(_clock.GetUtcNow()));
    }

    private PendingPrompts Sessions()
    {
        var pending = new PendingPrompts(_clock);
        pending.Saw(Alice1);
        pending.Saw(Alice2);
        pending.Saw(Bob);
        return pending;
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
