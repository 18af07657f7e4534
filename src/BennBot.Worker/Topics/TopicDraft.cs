using BennBot.Worker.Storage;
using LiteDB;

namespace BennBot.Worker.Topics;

public enum DraftStep { Category, Content, Area, Privacy, Confirm }

/// <summary>A topic being put together, one per resident, kept in their <see cref="Conversations.DialogueRecord"/> for
/// <see cref="TopicStore.DraftKept"/>, then dropped (and the resident told so).</summary>
public sealed record TopicDraft
{
    public long Id { get; init; }
    public DraftStep Step { get; init; }
    public TopicCategory Category { get; init; } = TopicCategory.Other;
    public string? Text { get; init; }
    public string? VoiceFileId { get; init; }
    public int VoiceSeconds { get; init; }
    public string? Area { get; init; }
    public bool Contactable { get; init; }
    /// <summary>The resident went on to something else: texts are no longer taken as the topic until they come back.</summary>
    public bool Paused { get; init; }
    public DateTime UpdatedAt { get; init; }

    public bool HasContent => Text is not null || VoiceFileId is not null;
}

public static class TopicStore
{
    public static readonly TimeSpan DraftKept = TimeSpan.FromHours(24);
    /// <summary>At most this many topics per resident and day, so that nobody floods the team.</summary>
    public const int PerDay = 5;

    public static ILiteCollection<Topic> Topics(LiteDatabase db) => db.GetCollection<Topic>(Topic.Collection);
    public static ILiteCollection<Support> Supports(LiteDatabase db) => db.GetCollection<Support>(Support.Collection);

    public static Topic? Find(LiteDatabase db, long id) => Topics(db).FindById(id);

    public static List<Topic> All(LiteDatabase db) => Topics(db).FindAll().ToList();

    public static void Save(LiteDatabase db, Topic t) => Topics(db).Update(t);

    /// <summary>Ids of the topics closed (done / not pursued) before <paramref name="before"/>.</summary>
    public static HashSet<long> ClosedBefore(LiteDatabase db, DateTime before) =>
        Topics(db).Find(t => (t.Status == TopicStatus.Done || t.Status == TopicStatus.NotPursued) && t.StatusChangedAt < before).Select(t => t.Id).ToHashSet();

    public static List<long> FollowedBy(LiteDatabase db, long residentId) => Topics(db).Find(t => t.Followers.Contains(residentId)).Select(t => t.Id).ToList();

    public static bool IsSupportedBy(LiteDatabase db, long topicId, long residentId) => Supports(db).FindById(Support.IdOf(topicId, residentId)) is not null;

    /// <summary>Forgets who said "me too" to a topic (its count stays on the topic).</summary>
    public static void DeleteSupportsOf(LiteDatabase db, long topicId) => Supports(db).DeleteMany(s => s.TopicId == topicId);

    private static long Highest(LiteDatabase db) => Topics(db).Count() == 0 ? 0 : Topics(db).Max(t => t.Id);

    /// <summary>The number the next topic gets.</summary>
    public static long NextNumber(LiteDatabase db) => Sequences.Peek(db, Topic.Collection, Highest(db));

    /// <summary>Stores a new topic under the number it was shown with; throws when that number was taken meanwhile
    /// (the update is then handled again and gets the next one).</summary>
    public static void Insert(LiteDatabase db, Topic t)
    {
        if (Sequences.Next(db, Topic.Collection, Highest(db)) != t.Id) throw new InvalidOperationException($"Topic number {t.Id} was taken meanwhile");
        Topics(db).Insert(t);
    }

    public static List<Topic> Of(LiteDatabase db, long residentId) =>
        Topics(db).Find(t => t.SubmitterId == residentId).OrderBy(t => t.Id).ToList();

    public static int SubmittedToday(LiteDatabase db, long residentId, DateTime now) =>
        Topics(db).Count(t => t.SubmitterId == residentId && t.SubmittedAt >= now.Date);

    /// <summary>Topics the team published for support, newest first.</summary>
    public static List<Topic> Published(LiteDatabase db) =>
        Topics(db).Find(t => t.PublicWording != null && !t.Hidden && t.MergedInto == null).OrderByDescending(t => t.Id).ToList();

    public static List<long> SupportedBy(LiteDatabase db, long residentId) =>
        Supports(db).Find(s => s.ResidentId == residentId).Select(s => s.TopicId).ToList();
}
