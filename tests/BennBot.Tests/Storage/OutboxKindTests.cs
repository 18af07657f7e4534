using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;
using LiteDB;

namespace BennBot.Tests.Storage;

/// <summary>Issue 14: the outbox's kind became a type, but replies queued by the version before (kind as a string) are
/// still in the file after an update; they must be sent as what they are, and new rows are stored the same way.</summary>
public sealed class OutboxKindTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-outbox-kind-").FullName;
    private string DbPath => Path.Combine(_dir, "bennbot.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Replies_queued_before_the_update_are_sent_as_what_they_were()
    {
        using var db = new Database(DbPath);
        await db.Write(d =>
        {
            var outbox = d.GetCollection(OutboxMessage.Collection, BsonAutoId.Int64);
            foreach (var kind in new[] { "text", "answer", "file", "photo", "voice" })
                outbox.Insert(new BsonDocument { ["ChatId"] = 7L, ["Kind"] = kind, ["Html"] = "x", ["CreatedAt"] = DateTime.UtcNow });
            Outbox.Add(d, 7, [new AnswerButton("q1", null)], DateTime.UtcNow);
        });
        Assert.Equal([OutboxKind.Text, OutboxKind.Answer, OutboxKind.File, OutboxKind.Photo, OutboxKind.Voice, OutboxKind.Answer],
            db.Read(d => Outbox.Pending(d, 7)).Select(m => m.Kind));
        Assert.Equal("answer", db.Read(d => d.GetCollection(OutboxMessage.Collection).FindAll().Last()["Kind"].AsString));
    }
}
