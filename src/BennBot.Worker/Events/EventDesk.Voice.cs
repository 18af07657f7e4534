using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Events;

/// <summary>Announcements with a voice (issue 15, item 3): before sending, staff attach a voice message per language; the
/// announcement's residents in that language get it right after the text. Only Telegram's file id is kept.</summary>
public sealed partial class EventDesk
{
    // The languages, each marked when it has a voice message; a tap asks for that language's voice message.
    private Outcome VoiceLanguages(Event e) => new([new SendText(Html.Escape(T("desk.voice.choose")), WithBack(Languages.All.Select(l =>
        Btn((e.Voice.ContainsKey(l.Code) ? "✅ " : "") + content.T(l, "language.name"), new ButtonAction.Desk(DeskOp.Voice, e.Id, l.Code))), e.Id))]);

    private Outcome VoicePrompt(Event e, DeskSession s, Language language) =>
        new([SayWith("desk.voice.prompt", ("language", content.T(language, "language.name")))])
        {
            Effects = [Keep(s with { Step = DeskStep.Voice, Language = language.Code, Editing = false, UpdatedAt = Now })],
        };

    /// <summary>The staff member's voice message for the language they chose: kept with the event, then back to the review.</summary>
    public Outcome Voice(Turn turn, Incoming.Voice voice, DeskSession s)
    {
        if (Find(s.EventId) is not { } e) return new([Say("desk.gone")]) { Effects = [End(s.Id)] };
        if (Languages.Find(s.Language) is not { } language) return Review(turn, e, s);
        var changed = e with { Voice = new Dictionary<string, string>(e.Voice) { [language.Code] = voice.FileId } };
        var review = Review(turn, changed, s);
        return review with
        {
            Replies = [SayWith("desk.voice.saved", ("language", content.T(language, "language.name"))), .. review.Replies],
            Effects = [new SaveEvent(changed), .. review.Effects],
        };
    }
}
