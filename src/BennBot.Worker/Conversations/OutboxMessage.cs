using BennBot.Content;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace BennBot.Worker.Conversations;

/// <summary>What Telegram call a queued message becomes. Stored as the lower-case name ("text", "answer", …), as the
/// string kinds were before (issue 14), so rows queued by an older version are read the same.</summary>
public enum OutboxKind { Text, Answer, File, Photo, Voice }

/// <summary>A reply waiting to be sent. Written in the same transaction that marks its update handled, and
/// deleted only after Telegram confirmed it: a crash can repeat a reply that was in flight, never lose one.</summary>
public sealed record OutboxMessage
{
    public const string Collection = "outbox";

    public long Id { get; init; }
    public long ChatId { get; init; }
    public OutboxKind Kind { get; init; }
    public string? Html { get; init; }
    public string? KeyboardJson { get; init; }
    public string? QueryId { get; init; }
    public string? Notice { get; init; }
    /// <summary>A file: the file's name and bytes (an .ics, a CSV, a JSON); a photo: the PNG; a voice message:
    /// Telegram's file id in <see cref="FileName"/>. <see cref="Html"/> is the caption.</summary>
    public string? FileName { get; init; }
    public byte[]? File { get; init; }
    public int Attempts { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>The question or topic this message shows to staff: once Telegram confirms the message, its id is
    /// remembered with the item (<see cref="SentCards"/>), so that a reply to it answers this item.</summary>
    public AboutKind? AboutKind { get; init; }
    public long AboutId { get; init; }
    /// <summary>A new question or topic for the staff chat, queued by a resident's update: replies to staff go before
    /// it, and a backlog of cards is sent as one digest (issue 19).</summary>
    public bool Card { get; init; }

    public About? ReadAbout() => AboutKind is { } kind ? new About(kind, AboutId) : null;

    public Keyboard? ReadKeyboard() => KeyboardJson is null ? null : JsonSerializer.Deserialize<Keyboard>(KeyboardJson);
}

public static class Outbox
{
    private static ILiteCollection<OutboxMessage> Messages(LiteDatabase db) => db.GetCollection<OutboxMessage>(OutboxMessage.Collection);

    /// <summary>Queues replies in order, each to its own chat (default: <paramref name="chatId"/>); long texts are split
    /// into parts Telegram accepts, the keyboard under the last. Returns the other chats touched.</summary>
    public static HashSet<long> Add(LiteDatabase db, long chatId, IEnumerable<Reply> replies, DateTime now)
    {
        var others = new HashSet<long>();
        foreach (var reply in replies)
        {
            switch (reply)
            {
                case AnswerButton a:
                    Messages(db).Insert(new OutboxMessage { ChatId = chatId, Kind = OutboxKind.Answer, QueryId = a.QueryId, Notice = a.Notice, CreatedAt = now });
                    break;
                case SendFile f:
                    Messages(db).Insert(new OutboxMessage { ChatId = chatId, Kind = OutboxKind.File, FileName = f.Name, File = f.Content, Html = f.CaptionHtml, KeyboardJson = f.Keyboard is null ? null : JsonSerializer.Serialize(f.Keyboard), CreatedAt = now });
                    break;
                case SendPhoto p:
                    if (p.To is { } photoTo && photoTo != chatId) others.Add(photoTo);
                    Messages(db).Insert(new OutboxMessage { ChatId = p.To ?? chatId, Kind = OutboxKind.Photo, FileName = "chart.png", File = p.Png, Html = p.CaptionHtml, CreatedAt = now });
                    break;
                case SendVoice v:
                    if (v.To is { } voiceTo && voiceTo != chatId) others.Add(voiceTo);
                    var voiceKeys = v.Keyboard is null ? null : JsonSerializer.Serialize(v.Keyboard);
                    Messages(db).Insert(new OutboxMessage
                    {
                        ChatId = v.To ?? chatId, Kind = OutboxKind.Voice, FileName = v.FileId, Html = v.CaptionHtml, KeyboardJson = voiceKeys, CreatedAt = now,
                        AboutKind = v.About?.Kind, AboutId = v.About?.Id ?? 0, Card = IsCard(v.About, v.To, chatId),
                    });
                    break;
                case SendText t:
                    var to = t.To ?? chatId;
                    if (to != chatId) others.Add(to);
                    var parts = TextSplitter.Split(t.Html);
                    for (var i = 0; i < parts.Count; i++)
                    {
                        var keyboard = i == parts.Count - 1 && t.Keyboard is not null ? JsonSerializer.Serialize(t.Keyboard) : null;
                        Messages(db).Insert(new OutboxMessage
                        {
                            ChatId = to, Html = parts[i], KeyboardJson = keyboard, CreatedAt = now,
                            AboutKind = t.About?.Kind, AboutId = t.About?.Id ?? 0, Card = IsCard(t.About, t.To, chatId),
                        });
                    }
                    break;
            }
        }
        return others;
    }

    // A message about an item that goes to another chat than the update's own was pushed there by a resident (a new
    // question or topic); one in the update's own chat answers the staff member who asked (/topic 12, a tap on a list).
    private static bool IsCard(About? about, long? to, long chatId) => about is not null && to is { } other && other != chatId;

    public static List<OutboxMessage> Pending(LiteDatabase db, long chatId) =>
        Messages(db).Find(m => m.ChatId == chatId).OrderBy(m => m.Id).ToList();

    public static List<long> ChatsWithPending(LiteDatabase db) =>
        Messages(db).FindAll().Select(m => m.ChatId).Distinct().ToList();

    public static void Remove(LiteDatabase db, long id) => Messages(db).Delete(id);

    public static void CountAttempt(LiteDatabase db, OutboxMessage m) =>
        Messages(db).Update(m with { Attempts = m.Attempts + 1 });
}
