using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using BennBot.Worker.Team;
using BennBot.Worker.Telegram;
using LiteDB;

namespace BennBot.Worker.Storage;

/// <summary>Every stored type is mapped once, here, on one thread, before anything runs concurrently: LiteDB
/// 5.0.21 can write documents with missing fields when threads map a type for the first time (#2536).</summary>
public static class Mappings
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper();
        mapper.Entity<Resident>().Id(x => x.Id, autoId: false);
        mapper.Entity<InboxUpdate>().Id(x => x.Id, autoId: false);
        mapper.Entity<OutboxMessage>().Id(x => x.Id, autoId: true);
        mapper.Entity<TeamQuestion>().Id(x => x.Id, autoId: false);
        mapper.Entity<FeedbackCount>().Id(x => x.Id, autoId: false);
        // Warm-up: build each type's member map now.
        mapper.ToDocument(new Resident());
        mapper.ToDocument(new InboxUpdate());
        mapper.ToDocument(new OutboxMessage());
        mapper.ToDocument(new TeamQuestion());
        mapper.ToDocument(new FeedbackCount());
        return mapper;
    }

    public static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection<InboxUpdate>(InboxUpdate.Collection).EnsureIndex(x => x.Status);
        db.GetCollection<OutboxMessage>(OutboxMessage.Collection).EnsureIndex(x => x.ChatId);
    }
}
