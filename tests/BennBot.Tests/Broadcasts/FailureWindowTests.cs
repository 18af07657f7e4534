using BennBot.Worker.Broadcasts;

namespace BennBot.Tests.Broadcasts;

public sealed class FailureWindowTests
{
    [Fact]
    public void A_broadcast_pauses_itself_only_when_most_of_the_last_twenty_sends_failed()
    {
        var window = new FailureWindow();
        for (var i = 0; i < 6; i++) Assert.False(window.Add(false));
        for (var i = 0; i < 14; i++) Assert.False(window.Add(true)); // 14 of 20 failed
        Assert.True(window.Add(true));                               // 15 of the last 20
        Assert.False(window.Add(true));                              // starts afresh after tripping
    }
}
