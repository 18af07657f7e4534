using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;

namespace BennBot.Worker.Voice;

public enum RecordingState { Missing, Recorded, Outdated }

/// <summary>Recorded answers (issue 15, items 1 and 2). Staff see which answers have a recording in which language, listen,
/// record (the next voice message, or a voice reply to the language's card), confirm an outdated one, or remove it. Every
/// press and every recording is checked against the staff list. A recording made for another answer text than the current
/// one is outdated: residents no longer get it.</summary>
public sealed class RecordingDesk(StaffSettings staff, Language staffLanguage, ContentSet content, Database db)
{
    public static readonly TimeSpan SessionKept = TimeSpan.FromMinutes(15);

    public static RecordingState StateOf(Recording? r, Entry entry, Language language) =>
        r is null ? RecordingState.Missing : r.TextHash == AnswerHash.Of(entry, language) ? RecordingState.Recorded : RecordingState.Outdated;

    /// <summary>The coverage table: one line per entry, one mark per language (in the order the legend gives).</summary>
    public Outcome Table(Turn turn)
    {
        if (!staff.IsStaff(turn.In.UserId)) return new([turn.StaffOnly()]);
        var recordings = db.Read(VoiceStore.All).ToDictionary(r => r.Id);
        var lines = content.Entries.Select(e => string.Concat(Languages.All.Select(l => Mark(StateOf(recordings.GetValueOrDefault(Recording.IdOf(e.Id, l.Code)), e, l))))
            + " " + Html.Escape(e.Text(staffLanguage).Title));
        var head = Html.Escape(T("voice.table", ("order", string.Join(" ", Languages.All.Select(l => l.Code)))));
        var buttons = content.Entries.Select(e => new Button(TextCut.Shorten(e.Text(staffLanguage).Title, 40), new ButtonAction.VoiceDesk(VoiceOp.Entry, e.Id).Encode()));
        return new([new SendText(head + "\n\n" + string.Join("\n", lines), new Keyboard(Keyboard.Grid(buttons)))]);
    }

    public Outcome Button(Turn turn, ButtonAction.VoiceDesk d, DateTime now)
    {
        if (!staff.IsStaff(turn.In.UserId)) return new([turn.StaffOnly()]);
        var entry = d.EntryId is null ? null : content.Entry(d.EntryId);
        if (d.Op == VoiceOp.Table || entry is null) return Table(turn);
        if (d.Op == VoiceOp.Entry || d.Language is not { } language) return new([EntryView(entry)]);
        var recording = db.Read(x => VoiceStore.Find(x, entry.Id, language.Code));
        return d.Op switch
        {
            VoiceOp.Play when recording is not null =>
                new([new SendVoice(recording.FileId, Html.Escape($"{entry.Text(staffLanguage).Title} · {LanguageName(language)}"))]),
            VoiceOp.Record => new([Prompt(entry, language)]) { Effects = [new StartRecording(turn.In.UserId, turn.In.ChatId, entry.Id, language.Code, now + SessionKept)] },
            VoiceOp.Confirm when recording is not null =>
                new([Say("voice.confirmed"), LanguageView(entry, language, recording with { TextHash = AnswerHash.Of(entry, language) })])
                {
                    Effects = [new ConfirmRecording(entry.Id, language.Code, AnswerHash.Of(entry, language))],
                },
            VoiceOp.Remove when recording is not null => new([Say("voice.removed"), LanguageView(entry, language, null)]) { Effects = [new RemoveRecording(entry.Id, language.Code)] },
            _ => new([LanguageView(entry, language, recording)]),
        };
    }

    /// <summary>The entry and language a staff member's voice message records: the card it replies to, else the
    /// "send a voice message now" they started in this chat. Null when it records nothing.</summary>
    public (Entry Entry, Language Language)? Target(Turn turn, Incoming.Voice voice, About? repliedTo, DateTime now)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        if (repliedTo is { Kind: AboutKind.Recording } card) return RecordingCard.Target(content, card.Id);
        if (voice.ReplyTo is not null && repliedTo is not null) return null; // a reply to a question or topic is not a recording
        return db.Read(d => VoiceStore.Session(d, turn.In.UserId)) is { } s && s.ChatId == turn.In.ChatId && s.Until > now
            && content.Entry(s.EntryId) is { } entry && Languages.Find(s.Language) is { } language
            ? (entry, language)
            : null;
    }

    public Outcome Record(Turn turn, Incoming.Voice voice, Entry entry, Language language)
    {
        var saved = new Recording { EntryId = entry.Id, Language = language.Code, FileId = voice.FileId, Seconds = voice.Seconds, TextHash = AnswerHash.Of(entry, language) };
        return new([Say("voice.recorded", ("title", entry.Text(staffLanguage).Title), ("language", LanguageName(language))), LanguageView(entry, language, saved)])
        {
            Effects = [new SaveRecording(entry.Id, language.Code, saved.FileId, saved.Seconds, turn.In.UserId, saved.TextHash)],
        };
    }

    private SendText EntryView(Entry entry)
    {
        var buttons = Languages.All.Select(l =>
        {
            var state = StateOf(db.Read(d => VoiceStore.Find(d, entry.Id, l.Code)), entry, l);
            return new Button($"{Mark(state)} {LanguageName(l)}", new ButtonAction.VoiceDesk(VoiceOp.Language, entry.Id, l).Encode());
        }).ToList();
        var rows = Keyboard.Grid(buttons);
        rows.Add([new Button(T("button.back"), new ButtonAction.VoiceDesk(VoiceOp.Table).Encode())]);
        return new(Html.Bold(entry.Text(staffLanguage).Title) + "\n" + Html.Escape(T("voice.entry")), new Keyboard(rows));
    }

    // One answer in one language: its state and what can be done. A voice reply to this card records it.
    private SendText LanguageView(Entry entry, Language language, Recording? r)
    {
        var state = StateOf(r, entry, language);
        var status = state switch
        {
            RecordingState.Missing => T("voice.state.missing"),
            RecordingState.Recorded => T("voice.state.recorded", ("seconds", r!.Seconds), ("date", BerlinTime.Day(BerlinTime.ToLocal(r.RecordedAt)))),
            _ => T("voice.state.outdated", ("date", BerlinTime.Day(BerlinTime.ToLocal(r!.RecordedAt)))),
        };
        var rows = new List<IReadOnlyList<Button>> { new[] { B("voice.b.record", VoiceOp.Record, entry, language) } };
        if (r is not null) rows.Add([B("voice.b.play", VoiceOp.Play, entry, language), B("voice.b.remove", VoiceOp.Remove, entry, language)]);
        if (state == RecordingState.Outdated) rows.Add([B("voice.b.confirm", VoiceOp.Confirm, entry, language)]);
        rows.Add([new Button(T("button.back"), new ButtonAction.VoiceDesk(VoiceOp.Entry, entry.Id).Encode())]);
        var head = Html.Bold($"{entry.Text(staffLanguage).Title} · {LanguageName(language)}");
        return new($"{head}\n{Html.Escape(status)}\n\n{Html.Escape(T("voice.reply"))}", new Keyboard(rows), About: new About(AboutKind.Recording, RecordingCard.Code(entry.Id, language)));
    }

    private SendText Prompt(Entry entry, Language language) =>
        new(Html.Escape(T("voice.prompt", ("title", entry.Text(staffLanguage).Title), ("language", LanguageName(language)))),
            About: new About(AboutKind.Recording, RecordingCard.Code(entry.Id, language)));

    private Button B(string key, VoiceOp op, Entry entry, Language language) => new(T(key), new ButtonAction.VoiceDesk(op, entry.Id, language).Encode());

    private static string Mark(RecordingState state) => state switch { RecordingState.Recorded => "✅", RecordingState.Outdated => "⚠️", _ => "▫️" };

    private string LanguageName(Language l) => content.T(l, "language.name");

    private SendText Say(string key, params (string, object)[] args) => new(Html.Escape(T(key, args)));

    private string T(string key, params (string, object)[] args) => content.T(staffLanguage, key, args);
}
