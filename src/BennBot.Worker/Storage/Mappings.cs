using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Learning;
using BennBot.Worker.Residents;
using BennBot.Worker.Team;
using BennBot.Worker.Telegram;
using BennBot.Worker.Topics;
using BennBot.Worker.Voice;
using LiteDB;

namespace BennBot.Worker.Storage;

/// <summary>Every stored type is mapped once, here, on one thread, before anything runs concurrently: LiteDB
/// 5.0.21 can write documents with missing fields when threads map a type for the first time (#2536).</summary>
public static class Mappings
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper();
        // LiteDB stores UTC but hands dates back in the machine's local time; all our times are UTC.
        mapper.RegisterType(d => new BsonValue(d.ToUniversalTime()), b => b.AsDateTime.ToUniversalTime());
        mapper.RegisterType(k => new BsonValue(k.ToString().ToLowerInvariant()), b => Enum.Parse<OutboxKind>(b.AsString, ignoreCase: true));
        mapper.Entity<Resident>().Id(x => x.Id, autoId: false);
        mapper.Entity<InboxUpdate>().Id(x => x.Id, autoId: false);
        mapper.Entity<OutboxMessage>().Id(x => x.Id, autoId: true);
        mapper.Entity<TeamQuestion>().Id(x => x.Id, autoId: false);
        mapper.Entity<FeedbackCount>().Id(x => x.Id, autoId: false);
        mapper.Entity<FeedbackVote>().Id(x => x.Id, autoId: false);
        mapper.Entity<Event>().Id(x => x.Id, autoId: false);
        mapper.Entity<Reminder>().Id(x => x.Id, autoId: false);
        mapper.Entity<Broadcast>().Id(x => x.Id, autoId: true);
        mapper.Entity<Delivery>().Id(x => x.Id, autoId: false);
        mapper.Entity<Topic>().Id(x => x.Id, autoId: false);
        mapper.Entity<DialogueRecord>().Id(x => x.Id, autoId: false);
        mapper.Entity<Support>().Id(x => x.Id, autoId: false);
        mapper.Entity<Sequences.Counter>().Id(x => x.Id, autoId: false);
        mapper.Entity<SentCard>().Id(x => x.Id, autoId: false);
        mapper.Entity<StartCount>().Id(x => x.Id, autoId: false);
        mapper.Entity<StartCountMark>().Id(x => x.Id, autoId: false);
        mapper.Entity<VoiceOffer>().Id(x => x.Id, autoId: false);
        mapper.Entity<Recording>().Id(x => x.Id, autoId: false);
        mapper.Entity<RecordingSession>().Id(x => x.Id, autoId: false);
        mapper.Entity<LearnedExample>().Id(x => x.Id, autoId: true);
        mapper.Entity<LearnDraft>().Id(x => x.Id, autoId: false);
        // Warm-up: build each type's member map now.
        mapper.ToDocument(new Resident());
        mapper.ToDocument(new InboxUpdate());
        mapper.ToDocument(new OutboxMessage());
        mapper.ToDocument(new TeamQuestion());
        mapper.ToDocument(new FeedbackCount());
        mapper.ToDocument(new FeedbackVote());
        mapper.ToDocument(new Event { Title = new() { ["de"] = "" }, Spoken = ["de"], Voice = new() { ["de"] = "" } });
        mapper.ToDocument(new Reminder());
        mapper.ToDocument(new Broadcast());
        mapper.ToDocument(new Delivery());
        mapper.ToDocument(new Topic { Followers = [1] });
        mapper.ToDocument(new DialogueRecord { AskingTeamUntil = DateTime.UnixEpoch, Topic = new(), Desk = new() });
        mapper.ToDocument(new Support());
        mapper.ToDocument(new Sequences.Counter());
        mapper.ToDocument(new SentCard());
        mapper.ToDocument(new StartCount());
        mapper.ToDocument(new StartCountMark());
        mapper.ToDocument(new VoiceOffer());
        mapper.ToDocument(new Recording());
        mapper.ToDocument(new RecordingSession());
        mapper.ToDocument(new LearnedExample());
        mapper.ToDocument(new LearnDraft());
        mapper.ToDocument(new Resident { InterestAreas = ["x"], InterestKinds = [EventKind.Cafe] });
        return mapper;
    }

    public static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection<InboxUpdate>(InboxUpdate.Collection).EnsureIndex(x => x.Status);
        db.GetCollection<OutboxMessage>(OutboxMessage.Collection).EnsureIndex(x => x.ChatId);
        db.GetCollection<Event>(Event.Collection).EnsureIndex(x => x.Uid);
        db.GetCollection<Event>(Event.Collection).EnsureIndex(x => x.StartUtc);
        db.GetCollection<Event>(Event.Collection).EnsureIndex(x => x.EndUtc);
        db.GetCollection<Reminder>(Reminder.Collection).EnsureIndex(x => x.DueUtc);
        db.GetCollection<Reminder>(Reminder.Collection).EnsureIndex(x => x.EventId);
        db.GetCollection<Reminder>(Reminder.Collection).EnsureIndex(x => x.ResidentId);
        db.GetCollection<Broadcast>(Broadcast.Collection).EnsureIndex(x => x.Status);
        db.GetCollection<Broadcast>(Broadcast.Collection).EnsureIndex(x => x.EventId);
        db.GetCollection<Delivery>(Delivery.Collection).EnsureIndex(x => x.Queue);
        db.GetCollection<Delivery>(Delivery.Collection).EnsureIndex(x => x.ChatId);
        db.GetCollection<Topic>(Topic.Collection).EnsureIndex(x => x.SubmitterId);
        db.GetCollection<Support>(Support.Collection).EnsureIndex(x => x.TopicId);
        db.GetCollection<Support>(Support.Collection).EnsureIndex(x => x.ResidentId);
        db.GetCollection<FeedbackVote>(FeedbackVote.Collection).EnsureIndex(x => x.ResidentId);
        db.GetCollection<SentCard>(SentCard.Collection).EnsureIndex(x => x.SentAt);
    }
}
