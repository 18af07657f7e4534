using BennBot.Content;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Events;

/// <summary>What a resident receives about an event without having asked in that moment — an announcement, a
/// reminder, a cancellation — as reply values in the resident's language. The delivery engine and the outbox send
/// them; nothing here knows how.</summary>
public static class EventNotices
{
    /// <summary>The parts of one broadcast message, in order. An announcement with a voice message in the resident's
    /// language gets it right after the text (issue 15).</summary>
    public static IReadOnlyList<Reply> Of(BroadcastKind kind, ContentSet content, Language language, Event e) => kind switch
    {
        BroadcastKind.Announcement => e.Voice.GetValueOrDefault(language.Code) is { } voice
            ? [Announcement(content, language, e), new SendVoice(voice, "")]
            : [Announcement(content, language, e)],
        BroadcastKind.Cancellation => [Cancellation(content, language, e)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static SendText Announcement(ContentSet content, Language language, Event e) =>
        new(EventCard.Render(content, language, e, "event.new"), AnnouncementKeys(content, language, e));

    public static SendText Reminder(ContentSet content, Language language, Event e) =>
        new(EventCard.Render(content, language, e, "remind.notice"), new([
            [Key(content, language, "event.calendar", new ButtonAction.Calendar(e.Id))],
            [Key(content, language, "button.menu", new ButtonAction.Menu())],
        ]));

    public static SendText Cancellation(ContentSet content, Language language, Event e) =>
        new(EventCard.Render(content, language, e, "event.cancelnotice"), new([
            [Key(content, language, "events.back", new ButtonAction.Events()), Key(content, language, "button.menu", new ButtonAction.Menu())],
        ]));

    /// <summary>Under every announcement: remind me, add to calendar, unsubscribe.</summary>
    public static Keyboard AnnouncementKeys(ContentSet content, Language language, Event e) => new([
        [Key(content, language, "event.remind", new ButtonAction.Remind(e.Id)), Key(content, language, "event.calendar", new ButtonAction.Calendar(e.Id))],
        [Key(content, language, "unsubscribe.button", new ButtonAction.Unsubscribe())],
    ]);

    // What Turn.ButtonFor makes, without a turn: nobody wrote; the bot speaks first.
    private static Button Key(ContentSet content, Language language, string key, ButtonAction action) =>
        new(Bidi.Direct(language, content.T(language, key)), action.Encode());
}
