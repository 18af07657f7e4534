using BennBot.FakeTelegram;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>Telegram out of reach for two minutes: the bot backs off instead of hammering, comes back by itself, and
/// every resident who wrote before or during the outage gets their answer exactly once.</summary>
public sealed class TelegramUnreachableTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_two_minutes_without_telegram_the_bot_recovers_by_itself_and_answers_everyone_once()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:DefaultLanguage=en");
        var api = bot.Api;
        api.SendText(5001, "/help", "en");
        await api.WaitFor(() => api.DeliveredTo(5001) == 1 ? api : null, what: "the answer before the outage");

        // First only sending fails: these residents' updates are saved and handled, their replies wait in the outbox.
        api.Down = Outage.Unreachable("sendMessage");
        long[] early = [5101, 5102, 5103];
        foreach (var r in early) api.SendText(r, "/help", "en");
        await api.WaitFor(() => api.CallsDuringOutage("sendMessage") >= early.Length ? api : null, TimeSpan.FromSeconds(30), "sends that failed");

        // Then Telegram is gone altogether, for two minutes; residents keep writing meanwhile.
        api.Down = Outage.Unreachable();
        var polledBefore = api.CallsDuringOutage("getUpdates");
        // The long poll under way when the outage began still ends normally; what residents write after it waits.
        await api.WaitFor(() => api.CallsDuringOutage("getUpdates") > polledBefore ? api : null, TimeSpan.FromSeconds(30), "a refused getUpdates");
        var during = Enumerable.Range(5201, 10).Select(i => (long)i).ToList();
        foreach (var r in during) api.SendText(r, "/help", "en");
        await Task.Delay(TimeSpan.FromMinutes(2));
        var polls = api.CallsDuringOutage("getUpdates") - polledBefore;

        api.Down = null;
        var back = DateTime.UtcNow;
        await api.WaitFor(() => early.Concat(during).All(r => api.DeliveredTo(r) >= 1) ? api : null, TimeSpan.FromSeconds(90), "every answer after the outage");
        var recovered = DateTime.UtcNow - back;
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second copy would arrive now

        output.WriteLine($"Two minutes unreachable: {polls} getUpdates tries meanwhile; every answer {recovered.TotalSeconds:0.0} s after Telegram was back");
        // Exponential backoff up to 30 s: about 8 tries in two minutes; a loop without backoff would make thousands.
        Assert.InRange(polls, 3, 20);
        Assert.True(recovered < TimeSpan.FromSeconds(60), $"answers only {recovered.TotalSeconds:0} s after Telegram was back");
        Assert.All(early.Concat(during), r => Assert.Equal(1, api.DeliveredTo(r)));
        Assert.Equal(1, api.DeliveredTo(5001));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("[3001]") && l.Contains("trying again"));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("[2003]")); // "the reply stays queued"
        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Error") || l.StartsWith("Critical"));
        await api.WaitFor(() => api.UnconfirmedUpdates == 0 ? api : null, TimeSpan.FromSeconds(30), "every update confirmed");
    }
}
