using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using BennBot.Worker.Topics;
using LiteDB;

namespace BennBot.Worker.Privacy;

/// <summary>How long BennBot keeps what (stated to residents in /privacy).</summary>
public sealed record RetentionPeriods(int InactiveDays = 365, int TopicLinkDays = 180, int BackupDays = 7);

public sealed record RetentionResult(int DraftsDropped, int TopicLinksErased, int ProfilesErased)
{
    public bool ErasedAnything => DraftsDropped + TopicLinksErased + ProfilesErased > 0;
}

/// <summary>What BennBot forgets by itself (the periods are stated in /privacy): unfinished topics after a day (the
/// resident is told), the link between a closed topic and its submitter after <c>topicLinkDays</c>, and profiles of
/// residents who have not written for <c>inactiveDays</c>, with everything linked to them. Everything it decides on
/// is stored (dates), so a restart loses nothing.</summary>
public static class Retention
{
    public static RetentionResult Run(LiteDatabase db, DateTime now, int inactiveDays, int topicLinkDays, ContentSet content, Language fallback)
    {
        var expired = DialogueStore.TopicsBefore(db, now - TopicStore.DraftKept);
        foreach (var draft in expired)
        {
            DialogueStore.EndTopic(db, draft.Id);
            if (ResidentStore.Find(db, draft.Id) is not { BlockedBot: false } r) continue;
            var l = Languages.Find(r.Language) ?? fallback;
            Outbox.Add(db, r.Id, [new SendText(Bidi.Direct(l, Html.Escape(content.T(l, "topic.expired"))))], now);
        }

        var linkUntil = now.AddDays(-topicLinkDays);
        var closedIds = TopicStore.ClosedBefore(db, linkUntil);
        // A duplicate merged into a closed topic is closed with it.
        var closed = TopicStore.All(db)
            .Where(t => closedIds.Contains(t.Id) || t.MergedInto is { } into && closedIds.Contains(into))
            .Where(t => t.SubmitterId != 0 || t.Followers.Count > 0 || t.Contactable).ToList();
        foreach (var t in closed) TopicStore.Save(db, t with { SubmitterId = 0, Followers = [], Contactable = false });
        foreach (var id in closedIds) TopicStore.DeleteSupportsOf(db, id);

        return new(expired.Count, closed.Count, 0);
    }

    /// <summary>Residents who have not written for <paramref name="inactiveDays"/>: erased by <see cref="Erase"/>, a few
    /// per transaction, so that a long first run does not hold up everyone else's writes.</summary>
    public static List<long> Inactive(LiteDatabase db, DateTime now, int inactiveDays)
    {
        var activeSince = now.Date.AddDays(-inactiveDays);
        return ResidentStore.SilentSince(db, activeSince);
    }

    /// <summary>Erases these residents and everything linked to them, unless one wrote again meanwhile.</summary>
    public static int Erase(LiteDatabase db, IEnumerable<long> ids, DateTime now, int inactiveDays)
    {
        var activeSince = now.Date.AddDays(-inactiveDays);
        var erased = 0;
        foreach (var id in ids)
        {
            if (ResidentStore.Find(db, id) is { } r && (r.LastSeen >= activeSince || r.FirstSeen >= activeSince)) continue;
            OutcomeStore.Forget(db, id, now);
            erased++;
        }
        return erased;
    }
}
