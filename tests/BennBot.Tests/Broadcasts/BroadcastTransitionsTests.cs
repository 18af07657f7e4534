using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;

namespace BennBot.Tests.Broadcasts;

/// <summary>The one table of what may happen to a broadcast in which status (issue 14): staff's buttons and the
/// engine's own steps never bring back a finished broadcast, and an outage pause goes on by itself only while waits are left.</summary>
public sealed class BroadcastTransitionsTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc);

    public static TheoryData<BroadcastStatus, BroadcastOp, BroadcastStatus?> StaffButtons => new()
    {
        { BroadcastStatus.Sending, BroadcastOp.Pause, BroadcastStatus.Paused },
        { BroadcastStatus.Paused, BroadcastOp.Pause, null },
        { BroadcastStatus.Scheduled, BroadcastOp.Pause, null },
        { BroadcastStatus.Paused, BroadcastOp.Resume, BroadcastStatus.Sending },
        { BroadcastStatus.Sending, BroadcastOp.Resume, null },
        { BroadcastStatus.Scheduled, BroadcastOp.Cancel, BroadcastStatus.Cancelled },
        { BroadcastStatus.Sending, BroadcastOp.Cancel, BroadcastStatus.Cancelled },
        { BroadcastStatus.Paused, BroadcastOp.Cancel, BroadcastStatus.Cancelled },
        { BroadcastStatus.Done, BroadcastOp.Cancel, null },
        { BroadcastStatus.Aborted, BroadcastOp.Resume, null },
        { BroadcastStatus.Cancelled, BroadcastOp.Resume, null },
    };

    [Theory]
    [MemberData(nameof(StaffButtons))]
    public void Staff_buttons_change_a_broadcast_only_where_they_make_sense(BroadcastStatus from, BroadcastOp op, BroadcastStatus? to) =>
        Assert.Equal(to, BroadcastTransitions.Control(new Broadcast { Status = from }, op, Now)?.Status);

    [Fact]
    public void A_finished_broadcast_stays_finished_whatever_the_engine_does()
    {
        foreach (var status in new[] { BroadcastStatus.Done, BroadcastStatus.Cancelled, BroadcastStatus.Aborted })
        {
            var b = new Broadcast { Status = status };
            Assert.Null(BroadcastTransitions.Finish(b, Now));
            Assert.Null(BroadcastTransitions.Abort(b, "400: Bad Request", Now));
            Assert.Null(BroadcastTransitions.Cancel(b, Now));
            Assert.Null(BroadcastTransitions.PauseForOutage(b, Now));
        }
    }

    [Fact]
    public void An_outage_pause_goes_on_by_itself_after_each_wait_and_then_waits_for_staff()
    {
        var b = new Broadcast { Status = BroadcastStatus.Sending };
        foreach (var wait in BroadcastTransitions.ResumeAfterOutage)
        {
            var paused = BroadcastTransitions.PauseForOutage(b, Now)!;
            Assert.Equal((BroadcastStatus.Paused, BroadcastTransitions.Network, Now + wait), (paused.Status, paused.Problem, paused.ResumeAt));
            b = BroadcastTransitions.ResumeAfterOutageWait(paused)!;
            Assert.Equal((BroadcastStatus.Sending, null), (b.Status, b.Problem));
        }
        var last = BroadcastTransitions.PauseForOutage(b, Now)!;
        Assert.Equal((BroadcastStatus.Paused, null), (last.Status, last.ResumeAt));
        Assert.Null(BroadcastTransitions.ResumeAfterOutageWait(last)); // staff resume it
        Assert.Equal(BroadcastStatus.Sending, BroadcastTransitions.Resume(last)!.Status);
    }
}
