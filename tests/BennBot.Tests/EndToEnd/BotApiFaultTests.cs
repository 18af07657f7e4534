using BennBot.FakeTelegram;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>The Bot API answering 5xx, 409 (another instance polling) or slowly: the bot backs off, comes back by
/// itself, and every resident gets each answer exactly once.</summary>
public sealed class BotApiFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bad_gateway_for_half_a_minute_loses_no_reply_and_sends_none_twice()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:DefaultLanguage=en");
        var api = bot.Api;

        // Sending fails first: the replies must stay queued (not be dropped as refused) however long it lasts.
        api.Down = Outage.Answering(502, "Bad Gateway", "sendMessage");
        long[] early = [6101, 6102, 6103];
        foreach (var r in early) api.SendText(r, "/help", "en");
        await api.WaitFor(() => bot.Logs.Lines.Count(l => l.Contains("[2003]")) >= early.Length ? api : null, TimeSpan.FromSeconds(40), "the bot giving up on each send for now");

        api.Down = Outage.Answering(502, "Bad Gateway");
        var polledBefore = api.CallsDuringOutage("getUpdates");
        // The long poll under way when the outage began still ends normally; what residents write after it waits.
        await api.WaitFor(() => api.CallsDuringOutage("getUpdates") > polledBefore ? api : null, TimeSpan.FromSeconds(30), "a refused getUpdates");
        long[] during = [6201, 6202, 6203, 6204];
        foreach (var r in during) api.SendText(r, "/help", "en");
        await Task.Delay(TimeSpan.FromSeconds(30));
        var polls = api.CallsDuringOutage("getUpdates") - polledBefore;
        api.Down = null;

        var back = DateTime.UtcNow;
        await api.WaitFor(() => early.Concat(during).All(r => api.DeliveredTo(r) >= 1) ? api : null, TimeSpan.FromSeconds(75), "every answer after the outage");
        output.WriteLine($"30 s of 502: {polls} getUpdates tries meanwhile; every answer {(DateTime.UtcNow - back).TotalSeconds:0.0} s after Telegram was back");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(early.Concat(during), r => Assert.Equal(1, api.DeliveredTo(r)));
        Assert.InRange(polls, 2, 10); // 1, 2, 4, 8, 16 s apart (with jitter), not a tight loop
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("[2002]")); // nothing was dropped as refused
    }

    [Fact]
    public async Task Another_instance_polling_409_is_named_in_the_log_and_the_bot_takes_over_once_it_stops()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:DefaultLanguage=en");
        var api = bot.Api;
        api.Down = Outage.Answering(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", "getUpdates");
        await api.WaitFor(() => api.CallsDuringOutage("getUpdates") > 0 ? api : null, TimeSpan.FromSeconds(30), "a refused getUpdates");
        long[] residents = [6301, 6302, 6303];
        foreach (var r in residents) api.SendText(r, "/help", "en");
        await Task.Delay(TimeSpan.FromSeconds(25));
        var polls = api.CallsDuringOutage("getUpdates");
        api.Down = null;

        var back = DateTime.UtcNow;
        await api.WaitFor(() => residents.All(r => api.DeliveredTo(r) >= 1) ? api : null, TimeSpan.FromSeconds(60), "the answers once the other instance stopped");
        output.WriteLine($"25 s of 409: {polls} getUpdates tries meanwhile; every answer {(DateTime.UtcNow - back).TotalSeconds:0.0} s after the other instance stopped");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(residents, r => Assert.Equal(1, api.DeliveredTo(r)));
        Assert.InRange(polls, 2, 10);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Warning") && l.Contains("[3005]") && l.Contains("another process polls with this bot token"));
    }

    [Fact]
    public async Task A_slow_bot_api_delays_answers_but_keeps_each_chat_in_order_and_answers_once()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:DefaultLanguage=en");
        var api = bot.Api;
        string[] script = ["/help", "/menu", "/privacy"];
        foreach (var step in script) { api.SendText(6400, step, "en"); await api.WaitFor(() => api.DeliveredTo(6400) >= Array.IndexOf(script, step) + 1 ? api : null); }
        var expected = api.MessagesTo(6400).Select(m => m.Text).ToList(); // the answers when Telegram is fast

        api.SendLatency = TimeSpan.FromSeconds(3); // every call but getUpdates
        var residents = Enumerable.Range(6401, 6).Select(i => (long)i).ToList();
        foreach (var step in script)
            foreach (var r in residents) api.SendText(r, step, "en");
        var slow = DateTime.UtcNow;
        await api.WaitFor(() => residents.All(r => api.DeliveredTo(r) >= script.Length) ? api : null, TimeSpan.FromSeconds(90), "every answer at 3 s per call");
        output.WriteLine($"3 s per call: {residents.Count} residents × {script.Length} messages answered in {(DateTime.UtcNow - slow).TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.All(residents, r => Assert.Equal(expected, api.MessagesTo(r).Select(m => m.Text).ToList()));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Error") || l.StartsWith("Critical") || l.Contains("[2003]"));
    }
}
