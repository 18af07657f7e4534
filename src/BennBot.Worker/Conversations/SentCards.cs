using LiteDB;

namespace BennBot.Worker.Conversations;

/// <summary>A message the bot sent about a question or topic, by the id Telegram confirmed for it. Holds no resident
/// data: a chat id where staff read it (the staff chat), Telegram's message id, and the item's number.</summary>
public sealed record SentCard
{
    public const string Collection = "sent_cards";

    /// <summary>"{chat id}:{message id}": message ids are numbered per chat.</summary>
    public string Id { get; init; } = "";
    public AboutKind Kind { get; init; }
    public long ItemId { get; init; }
    public DateTime SentAt { get; init; }

    public static string IdOf(long chatId, long messageId) => $"{chatId}:{messageId}";
}

public static class SentCards
{
    /// <summary>A reply to a card older than this answers nothing (staff open the item again with /topic or /unanswered).</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(365);

    public static ILiteCollection<SentCard> Cards(LiteDatabase db) => db.GetCollection<SentCard>(SentCard.Collection);

    /// <summary>Written in the transaction that takes the message out of the outbox, once Telegram confirmed its id.</summary>
    public static void Remember(LiteDatabase db, long chatId, long messageId, About about, DateTime now)
    {
        Cards(db).Upsert(new SentCard { Id = SentCard.IdOf(chatId, messageId), Kind = about.Kind, ItemId = about.Id, SentAt = now });
        // An index on SentAt makes this a cheap look when nothing is that old; the cut-off is computed here so that LiteDB
        // gets it as a parameter instead of compiling the expression anew on every card.
        var cutoff = now - Kept;
        Cards(db).DeleteMany(c => c.SentAt < cutoff);
    }

    public static About? Find(LiteDatabase db, long chatId, long messageId) =>
        Cards(db).FindById(SentCard.IdOf(chatId, messageId)) is { } c ? new About(c.Kind, c.ItemId) : null;
}
