using System.Diagnostics;
using System.Text;
using BennBot.Worker;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using BennBot.Worker.Telegram;
using LiteDB;
using Xunit.Abstractions;

namespace BennBot.Tests.Storage;

public sealed class CompactionTests(ITestOutputHelper output) : IDisposable
{
    private const long Distinct = 5_550_001_234_567;
    private const string Marker = "zebra-unicorn-42";
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-compact-").FullName;
    private string DbPath => Path.Combine(_dir, "bennbot.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static long UpdateIdOf(long residentId) => 700_000_000 + residentId % 100_000_000;

    /// <summary>Residents as the stores write them: the resident, an update in the inbox, a reply in the outbox, an
    /// open question to the team, a reminder, and a delivery of one announcement each. The distinctive resident's
    /// update and question carry the marker text.</summary>
    private static async Task<(Event Event, Broadcast Broadcast)> Seed(Database db, IReadOnlyList<long> ids)
    {
        var e = await db.Write(d => EventStore.Save(d, new Event
        {
            Title = new() { ["de"] = "Café" }, StartUtc = Now.AddDays(3), EndUtc = Now.AddDays(3).AddHours(2), Spoken = ["de"], Status = EventStatus.Published,
        }));
        foreach (var chunk in ids.Chunk(2_000))
        {
            await db.Write(d =>
            {
                foreach (var id in chunk)
                {
                    var marker = id == Distinct ? " " + Marker : "";
                    ResidentStore.Apply(d, id, new Outcome([], Save: new Resident
                    {
                        Id = id, Language = "ar", LanguageChosen = true, FirstSeen = Now, Subscribed = true, InterestAreas = ["hansa"], InterestKinds = [EventKind.Cafe],
                    }));
                    Inbox.SaveNew(d, [new InboxUpdate
                    {
                        Id = UpdateIdOf(id), ChatKey = id, ReceivedAt = Now,
                        Json = $"{{\"update_id\":{UpdateIdOf(id)},\"message\":{{\"from\":{{\"id\":{id}}},\"chat\":{{\"id\":{id}}},\"text\":\"hello{marker}\"}}}}",
                    }]);
                    Outbox.Add(d, id, [new SendText($"<b>Hallo</b> {id}")], Now);
                    TeamStore.Apply(d, new AskTeam(UpdateIdOf(id), id, "ar", "Wann ist das Café?" + marker), Now);
                    EventEffectStore.Apply(d, new SetReminder(e.Id, id, Now.AddDays(2)), Now);
                }
            });
        }
        var b = await db.Write(d =>
        {
            EventEffectStore.Apply(d, new QueueAnnouncement(e.Id, new Segment(), Now, -100), Now);
            return BroadcastStore.Start(d, BroadcastStore.Open(d).Single(), ids.ToList(), Now);
        });
        return (e, b);
    }

    /// <summary>What "delete my data" does: the privacy outcome applied as UpdateProcessor applies it, the update
    /// closed, and the confirmation sent (so removed from the outbox) — as in production, nothing keeps the id.</summary>
    private static async Task DeleteResident(Database db, long id)
    {
        await db.Write(d =>
        {
            var row = Inbox.Find(d, UpdateIdOf(id))!;
            var outcome = new Outcome([new SendText("Gelöscht.")], DeleteResident: true) { Effects = [new ForgetResident(id)] };
            OutcomeStore.Apply(d, new Incoming.Button(row.Id, id, id, null, "privacy.delete.yes", "q"), outcome, Now);
            Inbox.Close(d, row, InboxStatus.Done);
        });
        await db.Write(d => { foreach (var m in Outbox.Pending(d, id)) Outbox.Remove(d, m.Id); });
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static int Count(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        var n = 0;
        for (var at = haystack.IndexOf(needle); at >= 0; at = haystack.IndexOf(needle))
        {
            n++;
            haystack = haystack[(at + 1)..];
        }
        return n;
    }

    private sealed record Hits(string File, long Length, int Int64, int Decimal, int Marker)
    {
        public int Total => Int64 + Decimal + Marker;
        public override string ToString() => $"{File} ({Length:N0} B): int64 LE {Int64}, decimal text {Decimal}, \"{CompactionTests.Marker}\" {Marker}";
    }

    /// <summary>Every file next to the database (data file, -log.db, any leftover copy; the lock file is empty and locked), searched for the id as
    /// little-endian Int64, as UTF-8 decimal text, and for the marker text.</summary>
    private List<Hits> Search(long id) => Directory.GetFiles(_dir, "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(f =>
    {
        var bytes = ReadShared(f);
        return new Hits(Path.GetFileName(f), bytes.Length, Count(bytes, BitConverter.GetBytes(id)),
            Count(bytes, Encoding.UTF8.GetBytes(id.ToString(System.Globalization.CultureInfo.InvariantCulture))), Count(bytes, Encoding.UTF8.GetBytes(Marker)));
    }).ToList();

    private void Report(string stage, List<Hits> hits)
    {
        output.WriteLine(stage);
        foreach (var h in hits) output.WriteLine("  " + h);
    }

    /// <summary>Every document of every collection as JSON, and every index: "all data is still there".</summary>
    private static SortedDictionary<string, List<string>> Snapshot(Database db) => db.Read(d =>
    {
        var all = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in d.GetCollectionNames())
            all[name] = d.GetCollection(name).FindAll().Select(doc => JsonSerializer.Serialize(doc)).Order(StringComparer.Ordinal).ToList();
        all["$indexes"] = d.GetCollection("$indexes").FindAll().Select(doc => JsonSerializer.Serialize(doc)).Order(StringComparer.Ordinal).ToList();
        return all;
    });

    private static void AssertSame(SortedDictionary<string, List<string>> expected, SortedDictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, docs) in expected) Assert.True(docs.SequenceEqual(actual[name]), $"{name} differs");
    }

    private static string IndexUsed(Database db, string collection, string where) =>
        db.Read(d => d.GetCollection(collection).Query().Where(where).GetPlan()["index"]["name"].AsString);

    private IEnumerable<string> Leftovers() => Directory.GetFiles(_dir).Select(Path.GetFileName)
        .Where(f => f!.Contains("compact", StringComparison.Ordinal))!;

    [Fact]
    public async Task A_deleted_resident_leaves_no_bytes_in_the_files_after_compaction_and_everything_else_stays()
    {
        var ids = Enumerable.Range(1, 500).Select(i => (long)i).Append(Distinct).ToList();
        using (var db = new Database(DbPath))
        {
            var (e, b) = await Seed(db, ids);
            await db.Checkpoint();
            Assert.True(Search(Distinct).Single(h => h.File == "bennbot.db") is { Int64: > 0, Decimal: > 0, Marker: > 0 }, "the search finds what is there");

            await DeleteResident(db, Distinct);
            Assert.Null(db.Read(d => ResidentStore.Find(d, Distinct)));
            var before = Snapshot(db);
            var sizeBefore = new FileInfo(DbPath).Length;

            await db.Compact();

            var after = Search(Distinct);
            Report("after Compact", after);
            Assert.All(after, h => Assert.Equal(0, h.Total));
            Assert.DoesNotContain(after, h => h.File.EndsWith("-log.db", StringComparison.Ordinal) && h.Length > 0);
            Assert.Empty(Leftovers());
            output.WriteLine($"data file {sizeBefore:N0} B before, {new FileInfo(DbPath).Length:N0} B after");

            AssertSame(before, Snapshot(db));
            Assert.Equal(500, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
            Assert.Equal("ResidentId", IndexUsed(db, Reminder.Collection, "ResidentId = 250"));
            Assert.Equal("ChatId", IndexUsed(db, Delivery.Collection, "ChatId = 250"));
            Assert.Single(db.Read(d => ReminderStore.OfResident(d, 250)));
            Assert.Equal(500, db.Read(d => BroadcastStore.Count(d, b.Id, DeliveryStatus.Pending)));
            Assert.Equal(e.Id, db.Read(d => EventStore.FindByUid(d, e.Uid))!.Id);
            Assert.Equal("<b>Hallo</b> 250", db.Read(d => Outbox.Pending(d, 250)).Single().Html);

            // Writes go on, including auto ids after the highest copied one.
            await db.Write(d =>
            {
                ResidentStore.Apply(d, 9_999, new Outcome([], Save: new Resident { Id = 9_999, Language = "uk" }));
                Outbox.Add(d, 9_999, [new SendText("neu")], Now);
            });
            Assert.Equal("uk", db.Read(d => ResidentStore.Find(d, 9_999))!.Language);
        }
        using (var db = new Database(DbPath))
        {
            Assert.Equal(501, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
            Assert.Equal("neu", db.Read(d => Outbox.Pending(d, 9_999)).Single().Html);
            Assert.Single(db.Read(d => Outbox.Pending(d, 1)));
            Assert.Equal(500, db.Read(d => d.GetCollection<Delivery>(Delivery.Collection).Count()));
        }
        Assert.All(Search(Distinct), h => Assert.Equal(0, h.Total));
    }

    /// <summary>The facts, measured: where the deleted id and text are right after the delete, after a checkpoint and
    /// after compaction. Printed; asserted where they matter.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("correct horse")]
    public async Task Where_deleted_bytes_remain_after_delete_checkpoint_and_compaction(string? password)
    {
        using var db = new Database(DbPath, password);
        await Seed(db, Enumerable.Range(1, 500).Select(i => (long)i).Append(Distinct).ToList());
        await db.Checkpoint();
        Report($"password: {password ?? "none"}; inserted and checkpointed", Search(Distinct));

        await DeleteResident(db, Distinct);
        var deleted = Search(Distinct);
        Report("(1) right after the delete", deleted);
        var checkpointed = await Measure(db.Checkpoint);
        Report("(2) after Checkpoint", checkpointed);
        var compacted = await Measure(db.Compact);
        Report("(3) after Compact", compacted);

        Assert.All(compacted, h => Assert.Equal(0, h.Total));
        if (password is null)
        {
            // Until the checkpoint the data file still holds the old pages (the log holds the new ones).
            Assert.True(deleted.Single(h => h.File == "bennbot.db").Total > 0);
            // LiteDB 5.0.21 zeroes a deleted document's data and index bytes in the page itself, so a checkpoint
            // already removes them from the data file (and truncates the log).
            Assert.All(checkpointed, h => Assert.Equal(0, h.Total));
        }
        else
        {
            Assert.All(deleted.Concat(checkpointed), h => Assert.Equal(0, h.Total)); // encrypted: never in clear text
        }

        async Task<List<Hits>> Measure(Func<Task> step)
        {
            await step();
            return Search(Distinct);
        }
    }

    [Fact]
    public async Task Reads_on_other_threads_go_on_while_compacting_and_queued_writes_land_in_the_new_file()
    {
        var ids = Enumerable.Range(1, 2_000).Select(i => (long)i).ToList();
        using var db = new Database(DbPath);
        await Seed(db, ids);
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var slowest = new long[2];
        var readers = Enumerable.Range(0, 2).Select(n => Task.Factory.StartNew(() =>
        {
            var random = new Random(n);
            while (!stop.IsCancellationRequested)
            {
                var id = random.Next(1, 2_001);
                var started = Stopwatch.GetTimestamp();
                Assert.Equal(id, db.Read(d => ResidentStore.Find(d, id))!.Id);
                slowest[n] = Math.Max(slowest[n], Stopwatch.GetTimestamp() - started);
                Assert.Single(db.Read(d => ReminderStore.OfResident(d, id)));
                Assert.Single(db.Read(d => Outbox.Pending(d, id)));
                // A read inside a read: the lock is recursive.
                Assert.Equal(id, db.Read(d => db.Read(e => ResidentStore.Find(e, id)) is { } r && ResidentStore.Find(d, id) == r ? r.Id : 0));
                Interlocked.Increment(ref reads);
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();

        var writes = new List<Task>();
        var watch = Stopwatch.StartNew();
        var readsBefore = Volatile.Read(ref reads);
        for (var round = 0; round < 3; round++)
        {
            var compaction = db.Compact();
            var extra = 10_000 + round;
            writes.Add(db.Write(d => ResidentStore.Apply(d, extra, new Outcome([], Save: new Resident { Id = extra }))));
            await compaction;
        }
        var during = Volatile.Read(ref reads) - readsBefore;
        output.WriteLine($"{during:N0} rounds of 4 reads on 2 threads during 3 compactions ({watch.ElapsedMilliseconds:N0} ms)");
        await Task.WhenAll(writes);
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        output.WriteLine($"slowest single read (waited for a swap at most this long): {Stopwatch.GetElapsedTime(0, slowest.Max()).TotalMilliseconds:N0} ms");
        Assert.True(during > 0);
        Assert.Equal(2_003, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
    }

    [Fact]
    public async Task A_read_nested_in_a_running_read_is_not_blocked_by_a_waiting_swap()
    {
        using var db = new Database(DbPath);
        await Seed(db, [1, 2, 3]);
        using var inside = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var reader = Task.Run(() => db.Read(d =>
        {
            inside.Release();
            release.Wait();
            return db.Read(e => ResidentStore.Find(e, 2)); // the swap is waiting for the outer read now
        }));
        await inside.WaitAsync();
        var compaction = db.Compact();
        while (db.WaitingOnSwapLock == 0) await Task.Delay(5);
        release.Release();
        Assert.Equal(2, (await reader)!.Id);
        await compaction;
        Assert.Equal(3, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
    }

    [Fact]
    public async Task A_read_that_outlasts_the_swap_wait_cancels_the_compaction_and_keeps_the_database()
    {
        using var db = new Database(DbPath);
        await Seed(db, [1, 2, 3]);
        db.SwapWait = TimeSpan.FromMilliseconds(200);
        using var inside = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var reader = Task.Run(() => db.Read(d => { inside.Release(); release.Wait(); return ResidentStore.Find(d, 1); }));
        await inside.WaitAsync();
        await Assert.ThrowsAsync<TimeoutException>(db.Compact);
        release.Release();
        Assert.Equal(1, (await reader)!.Id);
        Assert.Empty(Leftovers());
        await db.Write(d => ResidentStore.Apply(d, 4, new Outcome([], Save: new Resident { Id = 4 })));
        await db.Compact();
        Assert.Equal(4, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
    }

    [Theory]
    [InlineData("copied")]
    [InlineData("replaced")]
    public async Task A_failure_midway_leaves_the_original_file_open_with_all_its_data(string step)
    {
        var ids = Enumerable.Range(1, 300).Select(i => (long)i).ToList();
        using (var db = new Database(DbPath))
        {
            await Seed(db, ids);
            var before = Snapshot(db);
            db.CompactionStep = s => { if (s == step) throw new IOException($"disk trouble at {s}"); };
            var e = await Assert.ThrowsAsync<IOException>(db.Compact);
            Assert.Equal($"disk trouble at {step}", e.Message);
            Assert.Empty(Leftovers());
            AssertSame(before, Snapshot(db));
            await db.Write(d => ResidentStore.Apply(d, 1_000, new Outcome([], Save: new Resident { Id = 1_000 })));
            db.CompactionStep = null;
            await db.Compact();
            Assert.Equal(301, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
        }
        using (var db = new Database(DbPath))
            Assert.Equal(301, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
    }

    [Fact]
    public async Task An_unwritable_temporary_path_fails_the_compaction_and_nothing_else()
    {
        using var db = new Database(DbPath);
        await Seed(db, [1, 2, 3]);
        var before = Snapshot(db);
        var blocker = Directory.CreateDirectory(Path.Combine(_dir, "bennbot.compacting.db"));
        File.WriteAllText(Path.Combine(blocker.FullName, "x"), "in the way");
        var e = await Assert.ThrowsAnyAsync<Exception>(db.Compact);
        Assert.True(e is IOException or UnauthorizedAccessException, e.ToString());
        AssertSame(before, Snapshot(db));
        await db.Write(d => ResidentStore.Apply(d, 4, new Outcome([], Save: new Resident { Id = 4 })));
        Assert.NotNull(db.Read(d => ResidentStore.Find(d, 4)));
        blocker.Delete(recursive: true);
        await db.Compact();
        Assert.Equal(4, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
    }

    [Fact]
    public async Task Leftovers_of_a_compaction_cut_short_are_removed_at_start()
    {
        using (var db = new Database(DbPath)) await Seed(db, [1, 2]);
        var copy = Path.Combine(_dir, "bennbot.compacting.db");
        var kept = Path.Combine(_dir, "bennbot.before-compact.db");
        File.WriteAllText(copy, Marker);
        File.WriteAllText(Path.Combine(_dir, "bennbot.compacting-log.db"), Marker);
        File.Copy(DbPath, kept);
        using (var db = new Database(DbPath))
            Assert.Equal(2, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
        Assert.Empty(Leftovers());

        // Cut short between the two renames of a failed swap: the original's second name is all there is.
        File.Move(DbPath, kept);
        using (var db = new Database(DbPath))
            Assert.Equal(2, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task An_encrypted_database_compacts_and_still_needs_its_password()
    {
        using (var db = new Database(DbPath, "correct horse"))
        {
            await Seed(db, [1, 2, 3, Distinct]);
            await DeleteResident(db, Distinct);
            await db.Checkpoint();
            var before = ReadShared(DbPath);
            var snapshot = Snapshot(db);
            await db.Compact();
            AssertSame(snapshot, Snapshot(db));
            Assert.False(before.AsSpan().SequenceEqual(ReadShared(DbPath)));
            Assert.Equal(-1, ReadShared(DbPath).AsSpan().IndexOf("Hallo"u8));
        }
        var wrong = Assert.Throws<StartupException>(() => new Database(DbPath, "wrong"));
        Assert.Contains("BennBot__Storage__Password", wrong.Message);
        Assert.ThrowsAny<Exception>(() => new Database(DbPath));
        using (var db = new Database(DbPath, "correct horse"))
        {
            Assert.Equal("<b>Hallo</b> 2", db.Read(d => Outbox.Pending(d, 2)).Single().Html);
            Assert.Null(db.Read(d => ResidentStore.Find(d, Distinct)));
        }
    }

    [Fact]
    public async Task Compacting_ten_thousand_residents_takes_this_long()
    {
        var ids = Enumerable.Range(1, 10_000).Select(i => (long)i).ToList();
        using var db = new Database(DbPath);
        var watch = Stopwatch.StartNew();
        await Seed(db, ids);
        await db.Checkpoint();
        output.WriteLine($"seeding 10,000 residents (6 rows each): {watch.ElapsedMilliseconds:N0} ms");
        await db.Write(d => ReminderStore.Reminders(d).DeleteMany(r => r.ResidentId > 5_000));
        await db.Checkpoint();
        var documents = db.Read(d => d.GetCollectionNames().Sum(n => d.GetCollection(n).Count()));
        var size = new FileInfo(DbPath).Length;
        for (var round = 1; round <= 3; round++)
        {
            watch.Restart();
            await db.Compact();
            output.WriteLine($"Compact #{round}: {watch.ElapsedMilliseconds:N0} ms for {documents:N0} documents; file {size:N0} B -> {new FileInfo(DbPath).Length:N0} B");
            size = new FileInfo(DbPath).Length;
        }
        Assert.Equal(10_000, db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count()));
    }
}
