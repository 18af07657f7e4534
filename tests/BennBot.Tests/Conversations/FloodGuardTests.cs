using BennBot.Worker.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Conversations;

public sealed class FloodGuardTests
{
    [Fact]
    public void A_resident_who_sends_too_fast_is_slowed_down_and_told_once_a_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var guard = new FloodGuard(time, burst: 3, windowSeconds: 10);
        Assert.Equal([FloodVerdict.Allow, FloodVerdict.Allow, FloodVerdict.Allow, FloodVerdict.DropAndTell, FloodVerdict.Drop],
            Enumerable.Range(0, 5).Select(_ => guard.Check(7)));
        Assert.Equal(FloodVerdict.Allow, guard.Check(8)); // others are not affected

        time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(FloodVerdict.Allow, guard.Check(7)); // the window has passed
        guard.Check(7); guard.Check(7);
        Assert.Equal(FloodVerdict.Drop, guard.Check(7));  // told less than a minute ago
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(FloodVerdict.Allow, guard.Check(7));
    }
}
