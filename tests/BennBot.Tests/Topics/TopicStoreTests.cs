using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;

namespace BennBot.Tests.Topics;

/// <summary>Merging, supporting and forgetting, on a real database file.</summary>
public sealed class TopicStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-topics-").FullName;
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Topic T(long id, long submitter) => new() { Id = id, SubmitterId = submitter, Text = $"topic {id}", SubmittedAt = Now, StatusChangedAt = Now };

    [Fact]
    public async Task Merging_moves_supporters_without_counting_anyone_twice_and_the_submitter_follows()
    {
        using var db = new Database(Path.Combine(_dir, "b.db"));
        await db.Write(d =>
        {
            TopicEffectStore.Apply(d, new SubmitTopic(T(1, 101)), Now);
            TopicEffectStore.Apply(d, new SubmitTopic(T(2, 102)), Now);
            foreach (var (topic, resident) in new[] { (1L, 201L), (1L, 202L), (2L, 202L), (2L, 203L), (2L, 203L) })
                TopicEffectStore.Apply(d, new SupportTopic(topic, resident), Now);
        });
        Assert.Equal((2, 2), db.Read(d => (TopicStore.Find(d, 1)!.Supporters, TopicStore.Find(d, 2)!.Supporters))); // 203 twice counts once

        await db.Write(d => TopicEffectStore.Apply(d, new MergeTopic(2, 1), Now));
        var (kept, merged) = db.Read(d => (TopicStore.Find(d, 1)!, TopicStore.Find(d, 2)!));
        Assert.Equal(3, kept.Supporters); // 201, 202, 203
        Assert.Equal([102L], kept.Followers);
        Assert.Equal((1L, 0), (merged.MergedInto!.Value, merged.Supporters));
        Assert.Equal([1L, 1L], db.Read(d => TopicStore.Supports(d).Find(s => s.ResidentId == 202 || s.ResidentId == 203).Select(s => s.TopicId).ToList()));
        await db.Write(d => TopicEffectStore.Apply(d, new MergeTopic(1, 2), Now)); // into a merged topic: refused
        Assert.Null(db.Read(d => TopicStore.Find(d, 1))!.MergedInto);
    }

    [Fact]
    public async Task Forgetting_a_resident_keeps_their_topics_anonymous_or_deletes_them_and_drops_their_follows_and_supports()
    {
        using var db = new Database(Path.Combine(_dir, "b.db"));
        await db.Write(d =>
        {
            TopicEffectStore.Apply(d, new SubmitTopic(T(1, 101) with { Contactable = true }), Now);
            TopicEffectStore.Apply(d, new SubmitTopic(T(2, 102)), Now);
            TopicEffectStore.Apply(d, new SubmitTopic(T(3, 101)), Now);
            TopicEffectStore.Apply(d, new SupportTopic(2, 101), Now);
            TopicEffectStore.Apply(d, new MergeTopic(3, 2), Now); // 101 now follows topic 2
        });
        await db.Write(d => new ForgetResident(101).Apply(d, Now));
        var topics = db.Read(d => TopicStore.Topics(d).FindAll().ToDictionary(t => t.Id));
        Assert.Equal((0L, false, "topic 1"), (topics[1].SubmitterId, topics[1].Contactable, topics[1].Text));
        Assert.Empty(topics[2].Followers);
        Assert.Equal(1, topics[2].Supporters); // the count stays, who gave it does not
        Assert.Empty(db.Read(d => TopicStore.Supports(d).FindAll().ToList()));

        await db.Write(d => TopicEffectStore.Apply(d, new SubmitTopic(T(4, 102)), Now));
        await db.Write(d => new ForgetResident(102, DeleteTopics: true).Apply(d, Now));
        Assert.Null(db.Read(d => TopicStore.Find(d, 4)));
        // Topic 2 has a duplicate merged into it: it stays, as an anchor without the resident's words.
        Assert.Equal((0L, (string?)null), db.Read(d => TopicStore.Find(d, 2)) is { } anchor ? (anchor.SubmitterId, anchor.Text) : (-1L, "gone"));
    }

    [Fact]
    public async Task A_topic_number_taken_in_the_same_instant_makes_the_insert_fail_so_the_update_is_retried()
    {
        using var db = new Database(Path.Combine(_dir, "b.db"));
        await db.Write(d => TopicEffectStore.Apply(d, new SubmitTopic(T(1, 101)), Now));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Write(d => TopicEffectStore.Apply(d, new SubmitTopic(T(1, 102)), Now)));
        Assert.Equal(101, db.Read(d => TopicStore.Find(d, 1))!.SubmitterId);
    }
}
