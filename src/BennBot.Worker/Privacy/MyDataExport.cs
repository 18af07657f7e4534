using System.Text.Encodings.Web;
using System.Text.Json;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Team;
using BennBot.Worker.Topics;
using BennBot.Worker.Voice;
using LiteDB;

namespace BennBot.Worker.Privacy;

/// <summary>/mydata: everything BennBot stores that is linked to one resident, as a readable JSON file. The fields
/// are those <see cref="StoredKinds"/> lists for each stored type, in its order.</summary>
public static class MyDataExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Arabic and Cyrillic stay readable; this is a file, not HTML
    };

    public static byte[] Build(LiteDatabase db, long userId)
    {
        var data = new Dictionary<string, object?>();
        foreach (var (field, read) in StoredKinds.All.SelectMany(k => k.Shown)) data.Add(field, read(db, userId));
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(data, Json);
    }

    internal static object? Profile(LiteDatabase db, long userId) => ResidentStore.Find(db, userId) is not { } r ? null : new
    {
        telegramUserId = r.Id, language = r.Language, languageChosen = r.LanguageChosen, firstSeen = Day(r.FirstSeen), lastSeen = Day(r.LastSeen),
        blockedBot = r.BlockedBot,
    };

    internal static object? Subscription(LiteDatabase db, long userId) => ResidentStore.Find(db, userId) is not { } r ? null
        : new { subscribed = r.Subscribed, areas = r.InterestAreas, kinds = r.InterestKinds.Select(k => k.ToString()) };

    internal static object Reminders(LiteDatabase db, long userId) => ReminderStore.OfResident(db, userId).Select(x => new { eventId = x.EventId, due = x.DueUtc });

    internal static object Deliveries(LiteDatabase db, long userId) =>
        BroadcastStore.DeliveriesTo(db, userId).Select(d => new { broadcastId = d.BroadcastId, status = d.Status.ToString() });

    internal static object Topics(LiteDatabase db, long userId) => TopicStore.Of(db, userId).Select(t => new
    {
        id = t.Id, submitted = t.SubmittedAt, category = t.Category.ToString(), text = t.Text, voiceMessage = t.VoiceFileId is not null,
        area = t.Area, status = t.Status.ToString(), teamMayContactMe = t.Contactable, teamResponse = t.Response,
    });

    internal static object? Draft(LiteDatabase db, long userId) =>
        DialogueStore.Find(db, userId)?.Topic is { } draft ? new { category = draft.Category.ToString(), text = draft.Text, voiceMessage = draft.VoiceFileId is not null } : null;

    internal static object? Waiting(LiteDatabase db, long userId) => DialogueStore.Find(db, userId)?.AskingTeamUntil;

    internal static object Votes(LiteDatabase db, long userId) => TeamStore.VotesOf(db, userId).Select(v => new { answer = v.EntryId, helpful = v.Helpful });

    internal static object OpenQuestions(LiteDatabase db, long userId) => TeamStore.OpenQuestionsOf(db, userId).Select(q => new
    {
        asked = q.AskedAt, text = q.Text, voiceMessage = q.VoiceFileId is null ? null : new { seconds = q.VoiceSeconds, telegramFileId = q.VoiceFileId },
    });

    // Issue 15: a voice message not yet sent to the team (Telegram holds the audio; this is BennBot's reference to it).
    internal static object? VoiceOffer(LiteDatabase db, long userId) =>
        VoiceStore.Offer(db, userId) is { } offer ? new { offered = offer.OfferedAt, seconds = offer.Seconds, telegramFileId = offer.FileId } : null;

    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd");
}
