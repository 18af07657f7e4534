using BennBot.Worker.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Telegram;

/// <summary>The send gate on a fake clock: what waits for what.</summary>
public sealed class SendGateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_429_pause_holds_every_sender_replies_and_broadcasts_alike()
    {
        var gate = new SendGate(_time, perSecond: 10);
        gate.PauseFor(TimeSpan.FromSeconds(3));
        var reply = gate.WaitAsync(1, CancellationToken.None);
        var bulk = gate.WaitBulkAsync(2, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(reply.IsCompleted);
        Assert.False(bulk.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await reply.WaitAsync(TimeSpan.FromSeconds(5));
        await Advance(bulk);
    }

    [Fact]
    public async Task A_reply_gets_the_next_slot_before_a_waiting_broadcast_send()
    {
        var gate = new SendGate(_time, perSecond: 10, burst: 1);
        await gate.WaitBulkAsync(100, CancellationToken.None); // the broadcast just sent: next slot in 0.1 s
        var bulk = gate.WaitBulkAsync(101, CancellationToken.None);
        var reply = gate.WaitAsync(5, CancellationToken.None); // a resident writes meanwhile
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await reply.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(bulk.IsCompleted); // the broadcast waits one more slot
        await Advance(bulk);
    }

    [Fact]
    public async Task The_total_rate_holds_for_broadcast_sends()
    {
        var gate = new SendGate(_time, perSecond: 25);
        var started = _time.GetUtcNow();
        for (var i = 0; i < 50; i++) await Advance(gate.WaitBulkAsync(1000 + i, CancellationToken.None));
        Assert.InRange((_time.GetUtcNow() - started).TotalSeconds, 1.9, 2.1); // 50 sends at 25/s: two seconds
    }

    [Fact]
    public async Task A_group_gets_at_most_20_messages_a_minute_and_a_private_chat_one_a_second_after_a_burst_of_three()
    {
        var gate = new SendGate(_time, perSecond: 1000);
        var started = _time.GetUtcNow();
        for (var i = 0; i < 20; i++) await Advance(gate.WaitAsync(-100500, CancellationToken.None));
        Assert.True(_time.GetUtcNow() - started < TimeSpan.FromSeconds(1));
        var twentyFirst = gate.WaitAsync(-100500, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(twentyFirst.IsCompleted);
        await Advance(twentyFirst);
        Assert.InRange((_time.GetUtcNow() - started).TotalSeconds, 60, 61);

        started = _time.GetUtcNow();
        for (var i = 0; i < 5; i++) await Advance(gate.WaitAsync(42, CancellationToken.None));
        Assert.InRange((_time.GetUtcNow() - started).TotalSeconds, 1.9, 2.1); // 3 at once, then one a second
    }

    [Fact]
    public async Task Cards_use_15_of_a_groups_20_a_minute_so_replies_to_staff_still_go_at_once()
    {
        var gate = new SendGate(_time, perSecond: 1000);
        for (var i = 0; i < SendGate.CardsPerMinute; i++)
        {
            Assert.Equal(TimeSpan.Zero, gate.ChatWait(-100500, card: true));
            await Advance(gate.WaitAsync(-100500, CancellationToken.None));
        }
        Assert.InRange(gate.ChatWait(-100500, card: true).TotalSeconds, 59, 60); // the next card waits for the oldest to leave the minute
        Assert.Equal(TimeSpan.Zero, gate.ChatWait(-100500)); // a reply to staff does not
        Assert.Equal(TimeSpan.Zero, gate.ChatWait(42, card: true)); // another chat's limit is its own
    }

    // Moves the clock in small steps until the wait is over.
    private async Task Advance(Task wait)
    {
        for (var i = 0; i < 10_000 && !wait.IsCompleted; i++)
        {
            // A real millisecond, not only a yield: on a busy machine the gate's continuation may need more than one
            // turn of the thread pool, and moving the fake clock before it ran overshoots the measured time.
            await Task.Delay(1);
            if (!wait.IsCompleted) _time.Advance(TimeSpan.FromMilliseconds(10));
        }
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
