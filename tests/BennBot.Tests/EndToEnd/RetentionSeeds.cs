using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;

namespace BennBot.Tests.EndToEnd;

/// <summary>A database as it looks after a few years: residents who stopped writing long ago and residents who still
/// write, and topics in every status, closed long ago or lately, some with followers and "me too"s. Written straight
/// through the stores, with what retention should leave of it.</summary>
public sealed class RetentionSeeds
{
    public const long FirstResident = 7_000_000;
    private const int InactiveDays = 365, TopicLinkDays = 180;

    /// <summary>Among the first 2 × <paramref name="inactive"/> residents every other one stopped writing over a year
    /// ago (by a day at least); they and the others among them submitted the topics. The rest are active, the first
    /// one just so: they last wrote exactly the inactive period ago.</summary>
    public RetentionSeeds(int inactive, int active, int topics, DateTime now)
    {
        var today = now.Date;
        var residents = 2 * inactive;
        Residents = Enumerable.Range(1, inactive + active).Select(i => new Resident
        {
            Id = FirstResident + i, Language = "en", LanguageChosen = true, Subscribed = i % 3 == 0, InterestAreas = i % 3 == 0 ? ["hansa"] : [],
            FirstSeen = today.AddDays(-InactiveDays - 200),
            LastSeen = i <= residents && i % 2 == 0 ? today.AddDays(-InactiveDays - 1 - i % 100) : i == 1 ? today.AddDays(-InactiveDays) : today.AddDays(-(i % 300)),
        }).ToList();
        Topics = Enumerable.Range(1, topics).Select(j =>
        {
            var status = (TopicStatus)(j % 5);
            var closed = status is TopicStatus.Done or TopicStatus.NotPursued;
            return new Topic
            {
                Id = j, Category = (TopicCategory)(j % 10), Text = $"Seeded topic {j}: more trees on the street", Area = j % 2 == 0 ? "hansa" : null, Language = "en",
                SubmittedAt = today.AddDays(-400), Status = status,
                // Closed topics: every other one long enough ago that the link to its submitter must go.
                StatusChangedAt = closed && j % 2 == 0 ? today.AddDays(-TopicLinkDays - 1) : today.AddDays(-TopicLinkDays + 1),
                SubmitterId = FirstResident + 1 + j % residents, Contactable = j % 3 == 0,
                Followers = j % 7 == 0 ? [FirstResident + 1 + (j + 1) % residents, FirstResident + 1 + (j + 2) % residents] : [],
                Supporters = j % 4 == 0 ? 2 : 0,
            };
        }).ToList();
        Supports = Topics.Where(t => t.Supporters > 0)
            .SelectMany(t => new[] { 3, 4 }.Select(k => FirstResident + 1 + (t.Id + k) % residents).Select(r => new Support { Id = Support.IdOf(t.Id, r), TopicId = t.Id, ResidentId = r }))
            .ToList();
        var activeSince = today.AddDays(-InactiveDays);
        Erased = Residents.Where(r => r.LastSeen < activeSince).Select(r => r.Id).ToHashSet();
        LinkExpired = Topics.Where(t => t.Status is TopicStatus.Done or TopicStatus.NotPursued && t.StatusChangedAt < today.AddDays(-TopicLinkDays)).Select(t => t.Id).ToHashSet();
    }

    public List<Resident> Residents { get; }
    public List<Topic> Topics { get; }
    public List<Support> Supports { get; }
    /// <summary>Residents who have not written for longer than the inactive period.</summary>
    public HashSet<long> Erased { get; }
    /// <summary>Topics closed longer ago than the link period.</summary>
    public HashSet<long> LinkExpired { get; }

    public async Task Write(Database db)
    {
        foreach (var chunk in Residents.Chunk(5_000)) await db.Write(d => d.GetCollection<Resident>(Resident.Collection).InsertBulk(chunk));
        await db.Write(d =>
        {
            TopicStore.Topics(d).InsertBulk(Topics);
            TopicStore.Supports(d).InsertBulk(Supports);
        });
        await db.Checkpoint();
    }

    /// <summary>What retention leaves of a topic: everything the resident said, without the links it must erase.</summary>
    public Topic Expected(Topic t)
    {
        var unlinked = LinkExpired.Contains(t.Id) || Erased.Contains(t.SubmitterId);
        return t with
        {
            SubmitterId = unlinked ? 0 : t.SubmitterId,
            Contactable = !unlinked && t.Contactable,
            Followers = LinkExpired.Contains(t.Id) ? [] : t.Followers.Where(f => !Erased.Contains(f)).ToList(),
        };
    }

    public IEnumerable<Support> ExpectedSupports => Supports.Where(s => !LinkExpired.Contains(s.TopicId) && !Erased.Contains(s.ResidentId));

    /// <summary>A topic as text, lists included (a record compares lists by reference).</summary>
    public static string Show(Topic t) => (t with { Followers = [] }) + " followers " + string.Join(",", t.Followers);
}
