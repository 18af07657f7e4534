using System.Diagnostics;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;

/// <summary>A database as a bot that has been live for months would hold it, written through the project's own types
/// and stores in one write, for the footprint benchmark: N resident profiles, most of them subscribed, one finished
/// announcement with a delivery row per subscriber, and a topic from every 20th resident. The mix is drawn from a
/// fixed seed, so every run stores the same. Measures only how long storing took; <see cref="Stored.Describe"/> says
/// exactly what was stored.</summary>
public static class StoredResidents
{
    public const long FirstId = 1_000_001;
    private static readonly string[] Languages = ["de", "en", "ar", "fa", "tr", "uk", "ru"];

    // One concern per language, as a resident might type it (about 100 characters each).
    private static readonly Dictionary<string, string> Concerns = new()
    {
        ["de"] = "Im Hinterhof der Bühringstraße gibt es abends kein Licht. Kann man mit der Hausverwaltung reden?",
        ["en"] = "The playground near the lake has broken swings for months now. Who can we ask to get them repaired?",
        ["ar"] = "نحتاج إلى دورة لغة ألمانية للأمهات في المساء، لأن الأطفال في المدرسة صباحاً. هل يمكن تنظيم ذلك في الحي؟",
        ["fa"] = "برای پیدا کردن وقت دکتر متخصص کودکان در وایسنزه خیلی مشکل داریم. آیا کسی می‌تواند کمک کند؟",
        ["tr"] = "Komşularla tanışmak için bir mahalle kahvaltısı düzenlensin istiyoruz. Mekân olarak okul bahçesi olabilir mi?",
        ["uk"] = "Потрібна допомога з листами від Jobcenter українською мовою. Чи є консультація у нашому районі?",
        ["ru"] = "В нашем доме на Хансаштрассе часто не работает лифт. Пожилым соседям трудно подниматься по лестнице.",
    };

    /// <summary>What <see cref="Seed"/> stored.</summary>
    public sealed record Stored(int Residents, int LanguageChosen, int Subscribed, int WithAreas, int WithKinds, int Deliveries, int Topics, TimeSpan Took)
    {
        public string Describe() =>
            $"{Residents} residents (languages de/en/ar/fa/tr/uk/ru in turn, {LanguageChosen} chose theirs; first seen within the last 300 days, last seen since), "
            + $"{Subscribed} of them subscribed ({WithAreas} chose 1–2 areas, {WithKinds} chose 1–3 kinds), 1 published event with 1 finished announcement "
            + $"and {Deliveries} delivery rows (sent, one per subscriber), {Topics} topics (one from every 20th resident, about 100 characters in their language); "
            + $"stored in one write in {Took.TotalSeconds:0.0} s";
    }

    public static async Task<Stored> Seed(string databasePath, int count)
    {
        var random = new Random(20261126);
        var today = DateTime.UtcNow.Date;
        var areas = Areas.Ids.ToArray();
        var kinds = Enum.GetValues<EventKind>();
        var residents = Enumerable.Range(0, count).Select(i =>
        {
            var firstSeen = today.AddDays(-random.Next(0, 301));
            var subscribed = random.NextDouble() < 0.7;
            return new Resident
            {
                Id = FirstId + i, Language = Languages[i % Languages.Length], LanguageChosen = random.NextDouble() < 0.8,
                FirstSeen = firstSeen, LastSeen = firstSeen.AddDays(random.Next(0, (int)(today - firstSeen).TotalDays + 1)),
                Subscribed = subscribed,
                InterestAreas = subscribed && random.NextDouble() < 0.3 ? random.GetItems(areas, random.Next(1, 3)).Distinct().ToList() : [],
                InterestKinds = subscribed && random.NextDouble() < 0.3 ? random.GetItems(kinds, random.Next(1, 4)).Distinct().ToList() : [],
            };
        }).ToList();
        var subscribers = residents.Where(r => r.Subscribed).Select(r => r.Id).ToList();
        var submitters = residents.Where((_, i) => i % 20 == 0).ToList();

        using var db = new Database(databasePath);
        var watch = Stopwatch.StartNew();
        await db.Write(d =>
        {
            d.GetCollection<Resident>(Resident.Collection).InsertBulk(residents);
            var e = EventStore.Save(d, new Event
            {
                Title = new() { ["de"] = "Kiezcafé", ["ar"] = "مقهى الحي" }, Description = new() { ["de"] = "Für alle." },
                StartUtc = today.AddDays(3).AddHours(15), EndUtc = today.AddDays(3).AddHours(17), Area = "buehring", Kind = EventKind.Cafe,
                Status = EventStatus.Published, CreatedAt = today.AddDays(-7),
            });
            var b = new Broadcast
            {
                EventId = e.Id, Kind = BroadcastKind.Announcement, Status = BroadcastStatus.Done, CreatedAt = today.AddDays(-6),
                StartedAt = today.AddDays(-6), FinishedAt = today.AddDays(-6).AddHours(1), ReportChatId = QueuedAnnouncement.ReportChat, Total = subscribers.Count,
            };
            b = b with { Id = BroadcastStore.Broadcasts(d).Insert(b).AsInt64 };
            BroadcastStore.Deliveries(d).InsertBulk(subscribers.Select(chat => Delivery.Of(b.Id, chat).With(DeliveryStatus.Sent)));
            foreach (var r in submitters)
            {
                var submitted = r.FirstSeen.AddDays(random.Next(0, (int)(r.LastSeen - r.FirstSeen).TotalDays + 1));
                TopicStore.Insert(d, new Topic
                {
                    Id = TopicStore.NextNumber(d), Category = random.GetItems(Enum.GetValues<TopicCategory>(), 1)[0], Text = Concerns[r.Language],
                    Area = random.NextDouble() < 0.6 ? random.GetItems(areas, 1)[0] : null, Language = r.Language, SubmittedAt = submitted,
                    Status = TopicStatus.New, StatusChangedAt = submitted, SubmitterId = r.Id, Contactable = random.NextDouble() < 0.5,
                });
            }
        });
        return new Stored(count, residents.Count(r => r.LanguageChosen), subscribers.Count, residents.Count(r => r.InterestAreas.Count > 0),
            residents.Count(r => r.InterestKinds.Count > 0), subscribers.Count, submitters.Count, watch.Elapsed);
    }
}
