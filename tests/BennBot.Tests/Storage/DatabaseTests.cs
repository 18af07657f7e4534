using BennBot.Worker;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;

namespace BennBot.Tests.Storage;

public sealed class DatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-db-").FullName;
    private string DbPath => Path.Combine(_dir, "sub", "bennbot.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Every_stored_type_survives_a_round_trip_through_the_file()
    {
        var resident = new Resident { Id = 7, Language = "fa", LanguageChosen = true, FirstSeen = new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc), BlockedBot = true };
        var update = new InboxUpdate { Id = 99, ChatKey = 7, Json = "{}", Status = InboxStatus.New, Attempts = 2, ReceivedAt = DateTime.UtcNow };
        using (var db = new Database(DbPath))
        {
            await db.Write(d =>
            {
                ResidentStore.Apply(d, 7, new Outcome([], Save: resident));
                Inbox.SaveNew(d, [update]);
                Outbox.Add(d, 7, [new SendText("<b>x</b>", new Keyboard([[new Button("Menu", "m")]])), new AnswerButton("q1", "note"),
                    new SendText("card", To: -100500, About: new About(AboutKind.Topic, 12))], DateTime.UtcNow);
                SentCards.Remember(d, -100500, 4711, new About(AboutKind.Question, 1005), DateTime.UtcNow);
                StartCountStore.Apply(d, new CountStart("event", "hansa", Newcomer: true));
                StartCountStore.Apply(d, new CountStart("event", "hansa", Newcomer: false));
                StartCountStore.Apply(d, new MarkStartsReported(new DateTime(2026, 12, 3)));
                StartCountStore.Apply(d, new CountStart("event", "hansa", Newcomer: false));
            });
        }
        using (var db = new Database(DbPath))
        {
            var back = db.Read(d => ResidentStore.Find(d, 7))!;
            Assert.Equal(resident with { FirstSeen = back.FirstSeen }, back);
            Assert.Equal(resident.FirstSeen, back.FirstSeen.ToUniversalTime());
            Assert.Equal(update with { ReceivedAt = default }, db.Read(d => Inbox.Find(d, 99))! with { ReceivedAt = default });
            var outbox = db.Read(d => Outbox.Pending(d, 7));
            Assert.Equal([OutboxKind.Text, OutboxKind.Answer], outbox.Select(m => m.Kind));
            Assert.Equal("m", outbox[0].ReadKeyboard()!.Buttons.Single().Data);
            Assert.Equal("note", outbox[1].Notice);
            var card = Assert.Single(db.Read(d => Outbox.Pending(d, -100500)));
            Assert.Equal((new About(AboutKind.Topic, 12), true), (card.ReadAbout(), card.Card));
            Assert.Equal(new About(AboutKind.Question, 1005), db.Read(d => SentCards.Find(d, -100500, 4711)));
            Assert.Null(db.Read(d => SentCards.Find(d, -100501, 4711))); // message ids are per chat
            Assert.Equal(new StartCount { Id = "event:hansa", Way = "event", Area = "hansa", Starts = 3, Newcomers = 1, StartsAtMark = 2, NewcomersAtMark = 1 },
                Assert.Single(db.Read(StartCountStore.All)));
            Assert.Equal(new DateTime(2026, 12, 3), db.Read(StartCountStore.MarkedOn));
        }
    }

    [Fact]
    public async Task When_LiteDB_closes_its_engine_reads_work_again_without_waiting_for_a_write()
    {
        using var db = new Database(DbPath);
        await db.Write(d => ResidentStore.Apply(d, 7, new Outcome([], Save: new Resident { Id = 7, Language = "fa" })));
        // LiteDB 5.0.21 closes its engine for good after an I/O error (EngineState.Handle); every later call fails. Seen
        // once in a full test run (ExpressionCacheTests): every path of the bot reads first, so nothing recovered.
        // Disposing the instance behind the Database stands in for that.
        ((LiteDB.LiteDatabase)typeof(Database).GetField("_db", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(db)!).Dispose();

        Assert.ThrowsAny<Exception>(() => db.Read(d => ResidentStore.Find(d, 7)));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Resident? back = null;
        while (back is null && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            try { back = db.Read(d => ResidentStore.Find(d, 7)); }
            catch (Exception) { await Task.Delay(20); }
        }
        Assert.Equal("fa", back?.Language); // reads only: the file was opened again, and nothing was lost
        await db.Write(d => ResidentStore.Apply(d, 8, new Outcome([], Save: new Resident { Id = 8, Language = "uk" })));
        Assert.Equal("uk", db.Read(d => ResidentStore.Find(d, 8))?.Language);
    }

    [Fact]
    public async Task Events_broadcasts_deliveries_and_reminders_survive_a_round_trip_with_utc_times()
    {
        var start = new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc);
        var e = new Event
        {
            Title = new() { ["de"] = "Café", ["ar"] = "مقهى" }, Description = new() { ["de"] = "Für alle" }, StartUtc = start, EndUtc = start.AddHours(2),
            Area = "buehring", Kind = EventKind.Cafe, Spoken = ["de", "ar"], Cost = "2 €", Access = Access.StepFree, Status = EventStatus.Published,
            Unset = ["Cost"],
        };
        e = EventSeries.WithDates(e, [new EventDate { StartUtc = start, EndUtc = start.AddHours(2) }, new EventDate { StartUtc = start.AddDays(7), EndUtc = start.AddDays(7).AddHours(2), Cancelled = true }]);
        var resident = new Resident { Id = 7, Subscribed = true, InterestAreas = ["hansa"], InterestKinds = [EventKind.Sport] };
        using (var db = new Database(DbPath))
        {
            await db.Write(d =>
            {
                e = EventStore.Save(d, e);
                ResidentStore.Apply(d, 7, new Outcome([], Save: resident));
                EventEffectStore.Apply(d, new QueueAnnouncement(e.Id, new Segment { Languages = ["ar"], Areas = ["hansa"] }, start.AddDays(-1), -100), start);
                EventEffectStore.Apply(d, new SetReminder(e.Id, 7, start.AddHours(-3)), start);
            });
        }
        using (var db = new Database(DbPath))
        {
            var back = db.Read(d => EventStore.Find(d, e.Id))!;
            Assert.Equal(["de", "ar"], back.Title.Keys);
            Assert.Equal("مقهى", back.Title["ar"]);
            Assert.Equal(["de", "ar"], back.Spoken);
            Assert.Equal((start, start.AddHours(2), DateTimeKind.Utc), (back.StartUtc, back.EndUtc, back.StartUtc.Kind));
            Assert.Equal((EventKind.Cafe, Access.StepFree, "buehring", "2 €"), (back.Kind, back.Access, back.Area, back.Cost));
            Assert.Equal(e.Dates, back.Dates);
            Assert.Equal(["Cost"], back.Unset);
            Assert.Equal((start.AddDays(7).AddHours(2), true), (back.UntilUtc, back.IsSeries));
            Assert.Equal(resident, db.Read(d => ResidentStore.Find(d, 7)));
            var b = db.Read(BroadcastStore.Open).Single();
            Assert.Equal((BroadcastStatus.Scheduled, start.AddDays(-1), -100L), (b.Status, b.ScheduledFor, b.ReportChatId));
            Assert.Equal(["ar"], b.Segment.Languages);
            await db.Write(d => BroadcastStore.Start(d, b, [7, 8], start));
            Assert.Equal(2, db.Read(d => BroadcastStore.Count(d, b.Id, DeliveryStatus.Pending)));
            Assert.Equal(start.AddHours(-3), db.Read(d => ReminderStore.OfResident(d, 7)).Single().DueUtc);
        }
    }

    [Fact]
    public async Task With_a_password_the_file_holds_no_readable_text_and_the_wrong_password_is_refused_clearly()
    {
        using (var db = new Database(DbPath, "correct horse"))
            await db.Write(d => Inbox.SaveNew(d, [new InboxUpdate { Id = 1, Json = "{\"text\":\"my-very-private-question\"}" }]));
        var bytes = await File.ReadAllBytesAsync(DbPath);
        Assert.Equal(-1, bytes.AsSpan().IndexOf("my-very-private-question"u8));

        var plainPath = Path.Combine(_dir, "plain.db"); // the same without a password: readable, so the check above means something
        using (var plain = new Database(plainPath))
            await plain.Write(d => Inbox.SaveNew(d, [new InboxUpdate { Id = 1, Json = "{\"text\":\"my-very-private-question\"}" }]));
        Assert.NotEqual(-1, (await File.ReadAllBytesAsync(plainPath)).AsSpan().IndexOf("my-very-private-question"u8));

        using (var db = new Database(DbPath, "correct horse"))
            Assert.Contains("my-very-private-question", db.Read(d => Inbox.Find(d, 1))!.Json);
        var e = Assert.Throws<StartupException>(() => new Database(DbPath, "wrong"));
        Assert.Contains("BennBot__Storage__Password", e.Message);
    }

    [Fact]
    public async Task A_redelivered_update_is_saved_only_once()
    {
        using var db = new Database(DbPath);
        var first = await db.Write(d => Inbox.SaveNew(d, [new InboxUpdate { Id = 1 }, new InboxUpdate { Id = 2 }]));
        var again = await db.Write(d => Inbox.SaveNew(d, [new InboxUpdate { Id = 2 }, new InboxUpdate { Id = 3 }]));
        Assert.Equal([1L, 2L], first.Select(u => u.Id));
        Assert.Equal([3L], again.Select(u => u.Id));
    }

    [Fact]
    public async Task A_failed_write_changes_nothing()
    {
        using var db = new Database(DbPath);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Write(d =>
        {
            ResidentStore.Apply(d, 8, new Outcome([], Save: new Resident { Id = 8 }));
            throw new InvalidOperationException("boom");
        }));
        Assert.Null(db.Read(d => ResidentStore.Find(d, 8)));
    }

    [Fact]
    public void A_second_open_of_the_same_file_is_refused_with_a_clear_message()
    {
        using var db = new Database(DbPath);
        var e = Assert.Throws<StartupException>(() => new Database(DbPath));
        Assert.Equal(ExitCodes.AlreadyRunning, e.ExitCode);
        Assert.Contains("Another BennBot is already using", e.Message);
    }

    [Fact]
    public async Task Handled_updates_keep_no_message_text()
    {
        using var db = new Database(DbPath);
        var row = new InboxUpdate { Id = 5, ChatKey = 42, Json = "{\"text\":\"private\"}" };
        await db.Write(d => { Inbox.SaveNew(d, [row]); Inbox.Close(d, row, InboxStatus.Done); });
        var stored = db.Read(d => Inbox.Find(d, 5))!;
        Assert.Null(stored.Json);
        Assert.Equal(0, stored.ChatKey);
    }
}
