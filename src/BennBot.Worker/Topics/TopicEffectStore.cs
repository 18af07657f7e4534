using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Topics;

/// <summary>Applies the topic effects of an outcome, inside its write transaction.</summary>
public static class TopicEffectStore
{
    public static void Apply(LiteDatabase db, TopicEffect effect, DateTime now)
    {
        switch (effect)
        {
            case SubmitTopic s:
                TopicStore.Insert(db, s.Topic); // throws on a taken number: the whole update is retried
                break;
            case SupportTopic s when TopicStore.Find(db, s.TopicId) is { } t:
                if (TopicStore.Supports(db).FindById(Support.IdOf(t.Id, s.ResidentId)) is not null) break;
                TopicStore.Supports(db).Insert(new Support { Id = Support.IdOf(t.Id, s.ResidentId), TopicId = t.Id, ResidentId = s.ResidentId });
                TopicStore.Topics(db).Update(t with { Supporters = t.Supporters + 1 });
                break;
            case ChangeTopic c when TopicStore.Find(db, c.TopicId) is { } t:
                var changed = c.Change(t);
                TopicStore.Topics(db).Update(changed.Status != t.Status ? changed with { StatusChangedAt = now } : changed);
                break;
            case RespondToTopic r when TopicStore.Find(db, r.TopicId) is { } t:
                // The followers who were told are the submitters of the topics merged into this one, at any depth.
                var answered = new List<Topic> { t };
                for (var i = 0; i < answered.Count; i++) // a merge needs two unmerged topics, so there are no cycles
                {
                    var into = answered[i].Id; // LiteDB translates a plain variable, not an indexer, into its query
                    answered.AddRange(TopicStore.Topics(db).Find(x => x.MergedInto == into));
                }
                foreach (var x in answered) TopicStore.Topics(db).Update(x with { Response = r.Response, ResponseLanguage = r.Language });
                break;
            case MergeTopic m when TopicStore.Find(db, m.From) is { MergedInto: null } duplicate && TopicStore.Find(db, m.Into) is { MergedInto: null } target && duplicate.Id != target.Id:
                Merge(db, duplicate, target);
                break;
        }
    }

    // The duplicate's supporters move over (nobody twice), and its submitter follows the other topic.
    private static void Merge(LiteDatabase db, Topic duplicate, Topic target)
    {
        var moved = 0;
        foreach (var s in TopicStore.Supports(db).Find(s => s.TopicId == duplicate.Id).ToList())
        {
            TopicStore.Supports(db).Delete(s.Id);
            if (TopicStore.Supports(db).FindById(Support.IdOf(target.Id, s.ResidentId)) is not null) continue;
            TopicStore.Supports(db).Insert(s with { Id = Support.IdOf(target.Id, s.ResidentId), TopicId = target.Id });
            moved++;
        }
        var followers = target.Followers.Concat(duplicate.Followers).Append(duplicate.SubmitterId).Where(id => id != 0 && id != target.SubmitterId).Distinct().ToList();
        TopicStore.Topics(db).Update(target with { Followers = followers, Supporters = target.Supporters + moved });
        TopicStore.Topics(db).Update(duplicate with { MergedInto = target.Id, Followers = [], Supporters = 0 });
    }

    /// <summary>Erasure (<see cref="ForgetResident"/>): every link from a topic to the resident goes; the topics stay as
    /// anonymous content, or are deleted too (with their supports) when they chose that.</summary>
    public static void ForgetTopics(LiteDatabase db, ForgetResident f)
    {
        var (residentId, deleteTopics) = (f.ResidentId, f.DeleteTopics);
        foreach (var t in TopicStore.Topics(db).Find(t => t.SubmitterId == residentId).ToList())
        {
            var anchor = TopicStore.Topics(db).Exists(x => x.MergedInto == t.Id); // others were merged into it: keep it, without their words
            if (deleteTopics && !anchor)
            {
                TopicStore.Supports(db).DeleteMany(s => s.TopicId == t.Id);
                TopicStore.Topics(db).Delete(t.Id);
            }
            else if (deleteTopics) TopicStore.Topics(db).Update(t with { SubmitterId = 0, Contactable = false, Text = null, VoiceFileId = null, VoiceSeconds = 0 });
            else TopicStore.Topics(db).Update(t with { SubmitterId = 0, Contactable = false });
        }
        foreach (var t in TopicStore.Topics(db).Find(t => t.Followers.Contains(residentId)).ToList())
            TopicStore.Topics(db).Update(t with { Followers = t.Followers.Where(id => id != residentId).ToList() });
    }

    /// <summary>Erasure (<see cref="ForgetResident"/>): their "me too"s go; the topics' counts stay, without who gave them.</summary>
    public static void ForgetSupports(LiteDatabase db, ForgetResident f) => TopicStore.Supports(db).DeleteMany(s => s.ResidentId == f.ResidentId);
}
