using System.Collections;
using System.Reflection;
using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Tests.EndToEnd;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Hosting;
using BennBot.Worker.Privacy;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace BennBot.Tests.Storage;

// LiteDB's expression cache is one static dictionary for the whole process: no other test may add to it meanwhile.
[CollectionDefinition(nameof(ExpressionCacheTests), DisableParallelization = true)]
public sealed class ExpressionCacheCollection;

/// <summary>Issue 17: LiteDB 5.0.21 compiles every distinct expression text once and keeps it for ever. A query that
/// writes a value into its text (Query.EQ/LTE/In …) leaks one compiled expression per value; an idle bot leaked two a
/// second. Here the real host runs its one-second delivery tick, the housekeeping runs many passes on a clock that
/// moves an hour at a time, and residents send a few hundred updates with different ids, events and broadcasts.</summary>
[Collection(nameof(ExpressionCacheTests))]
public sealed class ExpressionCacheTests(ITestOutputHelper output)
{
    private const long Staff = 900;
    private static readonly string[] Settings =
        ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en", "--BennBot:Broadcast:MessagesPerSecond=1000"];
    private static readonly string[] Questions = ["Can I sign a petition?", "Wie kann ich mich engagieren?", "هل يمكنني التطوع؟", "Where is the next residents' meeting?"];
    private const int ResidentsPerRound = 20;

    [Fact]
    public async Task A_bot_that_runs_for_months_stops_compiling_new_LiteDB_expressions_once_every_path_has_run()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var housekeeping = new Housekeeping(db, bot.Services.GetRequiredService<UpdateWorkers>(), bot.Services.GetRequiredService<BotStatus>(),
            bot.Services.GetRequiredService<BennBotOptions>(), bot.Services.GetRequiredService<ContentSet>(), bot.Services.GetRequiredService<ErasureService>(), clock, NullLogger<Housekeeping>.Instance);
        var processor = bot.Services.GetRequiredService<UpdateProcessor>();

        for (var round = 1; round <= 2; round++) await Round(bot, db, housekeeping, clock, processor, round); // warm-up: every path once, then again
        var warm = CachedExpressions();
        for (var round = 3; round <= 5; round++) await Round(bot, db, housekeeping, clock, processor, round);
        await Task.Delay(TimeSpan.FromSeconds(3)); // three more delivery ticks
        var after = CachedExpressions();

        var added = after.Except(warm).ToList();
        Assert.True(added.Count == 0, $"{added.Count} expressions compiled after the warm-up ({warm.Count} before), e.g.:\n" + string.Join("\n", added.Take(12)));
    }

    /// <summary>One round of everything that queries with a value: a new event and its announcement to everyone
    /// subscribed so far, residents who browse, ask, subscribe, ask for a reminder that is due at once and share a
    /// topic, an old event whose recipients the housekeeping forgets, an inactive resident it erases (and compacts).</summary>
    private async Task Round(BotUnderTest bot, Database db, Housekeeping housekeeping, FakeTimeProvider clock, UpdateProcessor processor, int round)
    {
        var api = bot.Api;
        var residents = Enumerable.Range(1, ResidentsPerRound).Select(i => 6_000_000L + round * 1000 + i).ToList();
        var e = await EventSeeds.Subscribers(db, residents, EventSeeds.Cafe(DateTime.UtcNow.AddHours(2), $"Round {round}"));
        var forgotten = await db.Write(d => SeedForgotten(d, round));
        await EventSeeds.Announce(db, e, Staff); // progress to a private chat: the staff group's 20 a minute go to the topics

        var before = processor.Handled;
        var sent = 0;
        foreach (var (r, i) in residents.Select((r, i) => (r, i)))
        {
            // One topic a round: two submitted at once can race for the same number, and the loser waits a minute
            // for the retry sweep (seen while writing this test; see the note of issue 17).
            if (i == 0) { sent += ShareTopic(api, r, round); continue; }
            api.SendText(r, "/start", "en");
            api.PressButton(r, "E:*:*", "en");
            api.PressButton(r, $"Ev:{e.Id}", "en");
            api.PressButton(r, $"Er:{e.Id}:3", "en"); // starts in 2 hours: the reminder is due at once
            api.SendText(r, Questions[(round + i) % Questions.Length] + $" ({r})", "en");
            api.PressButton(r, i % 2 == 0 ? "S-" : "S+", "en");
            api.PressButton(r, "p:j", "en");
            sent += 7; // fewer than the 8 in 10 s that flood control allows
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Explained(bot, db, api.WaitFor(() => processor.Handled >= before + sent ? api : null, TimeSpan.FromSeconds(120), $"round {round}'s {sent} updates ({processor.Handled - before} handled)"));
        output.WriteLine($"round {round}: updates {watch.Elapsed.TotalSeconds:0.0}");
        await Explained(bot, db, api.WaitFor(() => EventSeeds.Latest(db).Status == BroadcastStatus.Done ? api : null, TimeSpan.FromSeconds(120), $"round {round}'s broadcast"));
        await Explained(bot, db, api.WaitFor(() => db.Read(d => ReminderStore.Reminders(d).Count()) == 0 ? api : null, TimeSpan.FromSeconds(60), $"round {round}'s reminders"));
        output.WriteLine($"round {round}: broadcast and reminders {watch.Elapsed.TotalSeconds:0.0}");
        for (var pass = 0; pass < 2; pass++)
        {
            clock.Advance(TimeSpan.FromMinutes(61)); // each pass also runs the hourly retention
            await housekeeping.Pass(CancellationToken.None);
        }
        output.WriteLine($"round {round}: housekeeping {watch.Elapsed.TotalSeconds:0.0}");
        Assert.Equal(0, db.Read(d => BroadcastStore.Count(d, forgotten, DeliveryStatus.Sent))); // the old event's recipients are forgotten
        Assert.Null(db.Read(d => ResidentStore.Find(d, 6_900_000 + round))); // the inactive resident is erased
    }

    /// <summary>A wait that timed out says what the bot was doing: its saved updates by status, and every warning and
    /// error it logged (this test once timed out in CI, 1 run in about 30, and could not say why).</summary>
    private static async Task Explained(BotUnderTest bot, Database db, Task wait)
    {
        try { await wait; }
        catch (TimeoutException e)
        {
            string inbox;
            try { inbox = string.Join(", ", db.Read(d => d.GetCollection<InboxUpdate>(InboxUpdate.Collection).FindAll().GroupBy(u => u.Status).Select(g => $"{g.Key} {g.Count()}").ToList())); }
            catch (Exception read) { inbox = "unreadable: " + read.GetType().Name + " " + read.Message; } // seen: LiteDB had closed itself
            var logged = bot.Logs.Lines.Where(l => !l.StartsWith("Trace") && !l.StartsWith("Debug") && !l.StartsWith("Information")).TakeLast(40);
            throw new TimeoutException($"{e.Message}; inbox: {inbox}; unconfirmed at the fake: {bot.Api.UnconfirmedUpdates}; "
                + $"getUpdates calls: {bot.Api.GetUpdatesCalls}; warnings and errors:\n" + string.Join("\n", logged), e);
        }
    }

    private static int ShareTopic(FakeBotApi api, long resident, int round)
    {
        api.SendText(resident, "/topic", "en");
        api.PressButton(resident, "Nc:" + round % 3, "en");
        api.SendText(resident, $"More benches near the lake, please (round {round}, resident {resident})", "en");
        api.PressButton(resident, "Na:-", "en");
        api.PressButton(resident, "Np:0", "en");
        api.PressButton(resident, "Ny", "en");
        return 6;
    }

    // An event that ended eight days ago, whose announcement reached two residents (the housekeeping forgets them),
    // and a resident who last wrote 400 days ago (retention erases them).
    private static long SeedForgotten(LiteDatabase d, int round)
    {
        var ended = EventStore.Save(d, EventSeeds.Cafe(DateTime.UtcNow.AddDays(-8), $"Old {round}"));
        var b = new Broadcast { EventId = ended.Id, Kind = BroadcastKind.Announcement, Status = BroadcastStatus.Done, ReportChatId = Staff, Total = 2 };
        var id = BroadcastStore.Broadcasts(d).Insert(b).AsInt64;
        BroadcastStore.Deliveries(d).InsertBulk([Delivery.Of(id, 6_800_000 + round).With(DeliveryStatus.Sent), Delivery.Of(id, 6_800_100 + round).With(DeliveryStatus.Sent)]);
        var old = DateTime.UtcNow.AddDays(-400);
        ResidentStore.Apply(d, 6_900_000 + round, new Outcome([], Save: new Resident { Id = 6_900_000 + round, Language = "en", FirstSeen = old, LastSeen = old }));
        return id;
    }

    /// <summary>The keys of LiteDB's static caches of compiled expressions (BsonExpression._cacheScalar and
    /// _cacheEnumerable in 5.0.21): one per distinct expression text, never removed.</summary>
    private static HashSet<string> CachedExpressions() =>
        new[] { "_cacheScalar", "_cacheEnumerable" }
            .SelectMany(name => ((IDictionary)typeof(BsonExpression).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!).Keys.Cast<string>())
            .ToHashSet();
}
