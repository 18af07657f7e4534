using System.Globalization;
using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>The delivery engine against Telegram's refusals: 429, malformed messages, network trouble.</summary>
public sealed class DeliveryEngineTests
{
    private const long StaffChat = -100500;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private static string T(string key, params (string, object)[] args) => TestContent.Content.T(Languages.English, key, args);

    [Fact]
    public async Task A_429_pauses_all_sending_for_the_full_retry_after_and_the_message_is_still_delivered()
    {
        await using var bot = await BotUnderTest.Start([.. Settings, "--BennBot:Broadcast:MessagesPerSecond=10"]);
        var db = bot.Services.GetRequiredService<Database>();
        var residents = Enumerable.Range(7001, 40).Select(i => (long)i).ToList();
        var e = await EventSeeds.Subscribers(db, residents, EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)));
        await EventSeeds.Announce(db, e, StaffChat);

        await bot.Api.WaitFor(() => residents.Any(r => bot.Api.DeliveredTo(r) > 0) ? bot.Api : null, what: "the first delivery");
        var injected = DateTimeOffset.UtcNow;
        bot.Api.Fail("sendMessage", 429, retryAfter: 3, description: "Too Many Requests: retry after 3");
        await bot.Api.Received(StaffChat, T("broadcast.state.done"), TimeSpan.FromSeconds(40));

        var sends = bot.Api.CallsOf("sendMessage").Where(c => c.At >= injected).OrderBy(c => c.At).ToList();
        var refused = sends[0]; // the first send after the injection got the 429
        var next = sends[1];
        Assert.True(next.At - refused.At >= TimeSpan.FromSeconds(3), $"next send {(next.At - refused.At).TotalSeconds:F2} s after the 429");
        Assert.All(residents, r => Assert.Equal(1, bot.Api.DeliveredTo(r)));
    }

    [Fact]
    public async Task A_message_Telegram_rejects_stops_the_broadcast_after_the_first_recipient_and_staff_are_told()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var residents = Enumerable.Range(7101, 30).Select(i => (long)i).ToList();
        var e = await EventSeeds.Subscribers(db, residents, EventSeeds.Cafe(DateTime.UtcNow.AddDays(3), "Kaputt-Test"));
        bot.Api.FailMatching(c => c.Method == "sendMessage" && c.ChatId > 0 && c.Text?.Contains("Kaputt-Test") == true, 400, "Bad Request: can't parse entities: unsupported start tag");
        await EventSeeds.Announce(db, e, StaffChat);

        var report = await bot.Api.Received(StaffChat, "can't parse entities", TimeSpan.FromSeconds(20));
        Assert.Contains(T("broadcast.state.aborted", ("problem", "")).Split('(')[0], report.Text);
        await Task.Delay(1500); // nothing more goes out
        var attempts = bot.Api.CallsOf("sendMessage").Count(c => c.ChatId > 0);
        Assert.InRange(attempts, 1, Worker.Broadcasts.Broadcaster.Concurrency);
        Assert.Equal(BroadcastStatus.Aborted, EventSeeds.Latest(db).Status);
        Assert.Equal(residents.Count, db.Read(d => BroadcastStore.Count(d, EventSeeds.Latest(db).Id, DeliveryStatus.Pending)));
    }

    [Fact]
    public async Task When_most_sends_fail_the_broadcast_pauses_itself_tells_staff_when_it_tries_again_and_staff_can_resume_at_once()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var residents = Enumerable.Range(7201, 40).Select(i => (long)i).ToList();
        var e = await EventSeeds.Subscribers(db, residents, EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)));
        var outage = true;
        bot.Api.FailMatching(c => Volatile.Read(ref outage) && c.Method == "sendMessage" && c.ChatId > 0, 502, "Bad Gateway");
        await EventSeeds.Announce(db, e, StaffChat);

        await bot.Api.WaitFor(() => EventSeeds.Latest(db) is { Status: BroadcastStatus.Paused, ResumeAt: not null } b ? b : null, TimeSpan.FromSeconds(40), "the pause");
        var retryAt = BerlinTime.ToLocal(EventSeeds.Latest(db).ResumeAt!.Value).ToString("HH:mm", CultureInfo.InvariantCulture);
        var paused = await bot.Api.Received(StaffChat, T("broadcast.state.retrying", ("time", retryAt)), TimeSpan.FromSeconds(20));
        var attemptsWhilePaused = bot.Api.CallsOf("sendMessage").Count(c => c.ChatId > 0);
        Assert.True(attemptsWhilePaused < residents.Count * 3, $"{attemptsWhilePaused} attempts: it did not burn through the list");
        Assert.Equal(BroadcastStatus.Paused, EventSeeds.Latest(db).Status);
        Assert.Contains(paused.Buttons, b => b.Label == T("broadcast.button.resume"));

        Volatile.Write(ref outage, false);
        bot.Api.Push("callback_query", StaffPress(EventSeeds.Latest(db).Id));
        await bot.Api.Received(StaffChat, T("broadcast.state.done"), TimeSpan.FromSeconds(40));
        Assert.All(residents, r => Assert.Equal(1, bot.Api.DeliveredTo(r)));
    }

    [Fact]
    public async Task After_an_outage_the_paused_broadcast_goes_on_by_itself_and_everyone_gets_it_once()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var residents = Enumerable.Range(7601, 40).Select(i => (long)i).ToList();
        var e = await EventSeeds.Subscribers(db, residents, EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)));
        bot.Api.Down = Outage.Unreachable("sendMessage"); // sends to the staff chat fail too: nobody is there to press resume
        await EventSeeds.Announce(db, e, StaffChat);

        await bot.Api.WaitFor(() => EventSeeds.Latest(db) is { Status: BroadcastStatus.Paused, ResumeAt: not null } b ? b : null, TimeSpan.FromSeconds(60), "the pause");
        var wait = EventSeeds.Latest(db).ResumeAt!.Value - DateTime.UtcNow;
        Assert.InRange(wait, TimeSpan.FromSeconds(10), BroadcastTransitions.ResumeAfterOutage[0]);
        bot.Api.Down = null;

        await bot.Api.Received(StaffChat, T("broadcast.state.done"), TimeSpan.FromSeconds(90));
        await Task.Delay(2000);
        Assert.All(residents, r => Assert.Equal(1, bot.Api.DeliveredTo(r)));
        Assert.Equal(1, EventSeeds.Latest(db).AutoResumes);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("[5009]"));
    }

    [Fact]
    public async Task Someone_who_is_not_staff_pressing_a_forged_send_or_control_button_changes_nothing()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var e = await EventSeeds.Subscribers(db, [7301], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)) with { Status = Worker.Events.EventStatus.Draft });
        bot.Api.PressButton(7302, $"Xg:{e.Id}", "en");
        bot.Api.PressButton(7302, $"Xz:{e.Id}", "en");
        bot.Api.SendText(7302, "/newevent", "en");
        bot.Api.SendText(7302, "/desk", "en");
        var replies = await bot.Api.WaitForMessages(7302, 4);
        Assert.Equal(2, replies.Count(m => m.Text == TestContent.Content.T(Languages.English, "button.expired")));
        Assert.Equal(2, replies.Count(m => m.Text == TestContent.Content.T(Languages.English, "staff.only.command")));
        // In the staff chat, someone not on the staff list is ignored too.
        var press = StaffPress(1, userId: 7302);
        press["data"] = $"Xg:{e.Id}";
        bot.Api.Push("callback_query", press);
        await Task.Delay(2500);
        Assert.Empty(db.Read(d => BroadcastStore.Broadcasts(d).FindAll().ToList()));
        Assert.Equal(Worker.Events.EventStatus.Draft, db.Read(d => Worker.Events.EventStore.Find(d, e.Id))!.Status);
        Assert.Empty(bot.Api.MessagesTo(StaffChat));
    }

    [Fact]
    public async Task Send_pressed_twice_by_two_staff_members_announces_once_and_only_to_the_segment_the_button_showed()
    {
        await using var bot = await BotUnderTest.Start([.. Settings, "--BennBot:Staff:UserIds:1=901"]);
        var db = bot.Services.GetRequiredService<Database>();
        var e = await EventSeeds.Subscribers(db, [7401, 7402, 7403], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)), language: "ar");
        await EventSeeds.Subscribers(db, [7404, 7405], EventSeeds.Cafe(DateTime.UtcNow.AddDays(9), "Anderes"), language: "de");
        var go = new Worker.Conversations.ButtonAction.Desk(Worker.Conversations.DeskOp.Go, e.Id,
            Worker.Events.SegmentCodes.Encode(new Segment { Languages = ["ar"] })).Encode();
        bot.Api.PressButton(900, go, "en");
        bot.Api.PressButton(901, go, "en"); // a colleague presses the same button (their own session has no segment)
        await bot.Api.Received(StaffChat, T("broadcast.state.done"), TimeSpan.FromSeconds(20));
        await Task.Delay(1500);
        Assert.All(new long[] { 7401, 7402, 7403 }, r => Assert.Equal(1, bot.Api.DeliveredTo(r)));
        Assert.All(new long[] { 7404, 7405 }, r => Assert.Equal(0, bot.Api.DeliveredTo(r)));
        Assert.Single(db.Read(d => BroadcastStore.OfEvent(d, e.Id)));
        Assert.Contains(bot.Api.MessagesTo(901).Concat(bot.Api.MessagesTo(900)), m => m.Text == T("desk.busy"));
    }

    [Fact]
    public async Task A_recipient_left_in_flight_by_an_error_is_sent_when_the_broadcast_runs_again_and_staff_get_one_report()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var e = await EventSeeds.Subscribers(db, [7501, 7502], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)));
        // As if a sender had died between claiming a recipient and saving the result: one row "in flight", the run over.
        await db.Write(d =>
        {
            var id = BroadcastStore.Broadcasts(d).Insert(new Broadcast { EventId = e.Id, Kind = BroadcastKind.Announcement, Status = BroadcastStatus.Paused, ReportChatId = StaffChat }).AsInt64;
            var b = BroadcastStore.Start(d, BroadcastStore.Find(d, id)!, [7501, 7502], DateTime.UtcNow) with { Status = BroadcastStatus.Paused };
            BroadcastStore.Broadcasts(d).Update(b);
            BroadcastStore.Claim(d, id);
        });
        bot.Api.Push("callback_query", StaffPress(EventSeeds.Latest(db).Id));
        await bot.Api.Received(StaffChat, T("broadcast.state.done"), TimeSpan.FromSeconds(20));
        await Task.Delay(3000);
        Assert.Equal((1, 1), (bot.Api.DeliveredTo(7501), bot.Api.DeliveredTo(7502)));
        Assert.Single(bot.Api.MessagesTo(StaffChat), m => m.Text!.Contains(T("broadcast.state.done")));
    }

    [Fact]
    public async Task A_recipient_whose_send_was_cut_off_twice_is_not_sent_a_third_copy_and_counts_as_sent()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var e = await EventSeeds.Subscribers(db, [7601, 7602], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)));
        // 7601's first send was cut off by a crash and sent again; a second crash cut that one off too. Each of the two
        // may have reached the resident. 7602 is in flight for the first time.
        var id = await db.Write(d =>
        {
            var id = BroadcastStore.Broadcasts(d).Insert(new Broadcast { EventId = e.Id, Kind = BroadcastKind.Announcement, Status = BroadcastStatus.Paused, ReportChatId = StaffChat }).AsInt64;
            var b = BroadcastStore.Start(d, BroadcastStore.Find(d, id)!, [7601, 7602], DateTime.UtcNow) with { Status = BroadcastStatus.Paused };
            BroadcastStore.Broadcasts(d).Update(b);
            foreach (var r in new[] { BroadcastStore.Claim(d, id)!, BroadcastStore.Claim(d, id)! })
                BroadcastStore.Save(d, r with { CutOff = r.ChatId == 7601 ? 1 : 0 });
            return id;
        });
        bot.Api.Push("callback_query", StaffPress(id));
        await bot.Api.Received(StaffChat, T("broadcast.state.done"), TimeSpan.FromSeconds(20));
        await Task.Delay(2000);
        Assert.Equal((0, 1), (bot.Api.DeliveredTo(7601), bot.Api.DeliveredTo(7602)));
        Assert.Equal(2, db.Read(d => BroadcastStore.Count(d, id, DeliveryStatus.Sent)));
    }

    /// <summary>A stop (not a crash) while a send is in flight: Telegram may already have it. The send counts as cut off,
    /// as after a crash, so that a crash during the next start's send cannot make it a third copy (it was queued again
    /// without a mark, and the crash rule then gave it one more try).</summary>
    [Fact]
    public async Task A_send_cancelled_by_a_stop_counts_as_cut_off_so_that_a_later_crash_cannot_make_a_third_copy()
    {
        var bot = await BotUnderTest.Start(Settings);
        long id;
        await using (bot)
        {
            var db = bot.Services.GetRequiredService<Database>();
            var e = await EventSeeds.Subscribers(db, [7801], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)));
            bot.Api.SendLatency = TimeSpan.FromSeconds(8); // the resident's message is on its way when the stop comes
            await EventSeeds.Announce(db, e, StaffChat);
            id = EventSeeds.Latest(db).Id;
            await bot.Api.WaitFor(() => db.Read(d => BroadcastStore.Count(d, id, DeliveryStatus.InFlight)) == 1 ? bot.Api : null, what: "the send in flight");
            await Task.Delay(500);
            await bot.Stop();

            using var after = new Database(Path.Combine(bot.DataDir, "bennbot.db"));
            var delivery = Assert.Single(after.Read(d => BroadcastStore.Deliveries(d).FindAll().ToList()));
            Assert.Equal((DeliveryStatus.Pending, 1), (delivery.Status, delivery.CutOff));
        }
    }

    private static System.Text.Json.Nodes.JsonObject StaffPress(long broadcastId, long userId = 900)
    {
        var q = FakeUpdates.CallbackQuery(userId, "en", $"Br:{broadcastId}");
        q["message"]!["chat"] = FakeUpdates.Chat(StaffChat);
        return q;
    }
}
