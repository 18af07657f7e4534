using System.Text;
using BennBot.Content;
using BennBot.Worker.Events;
using BennBot.Worker.Posters;
using BennBot.Worker.Topics;

namespace BennBot.Worker.Conversations;

/// <summary>What a button does. Encoded as short opaque strings (Telegram's callback_data is 1–64 bytes) and
/// treated as untrusted on the way back: anything that does not decode to a known action and a known id is
/// refused, so a forged or stale button changes nothing. A feature can keep its buttons in its own folder instead of
/// here: records that derive from this one and override <see cref="Data"/>, read back by its <see cref="ButtonCodec"/>
/// (issue 14; the learning desk's, <c>Learning/LearnButton.cs</c>, is one).</summary>
public abstract record ButtonAction
{
    public const int MaxBytes = 64;

    public sealed record Menu : ButtonAction;
    public sealed record ChooseLanguage : ButtonAction;
    public sealed record SetLanguage(Language Language) : ButtonAction;
    public sealed record Topics : ButtonAction;
    public sealed record Category(string Id) : ButtonAction;
    public sealed record ShowEntry(string Id) : ButtonAction;
    public sealed record AskHint : ButtonAction;
    public sealed record Help : ButtonAction;
    public sealed record Privacy : ButtonAction;
    public sealed record PrivacyShow : ButtonAction;
    public sealed record PrivacyDelete : ButtonAction;
    public sealed record PrivacyDeleteConfirmed : ButtonAction;
    public sealed record Guide : ButtonAction;
    public sealed record GuideTopic(string Topic) : ButtonAction;
    public sealed record GuideResult(string Topic, string Who) : ButtonAction;
    public sealed record AskTeam : ButtonAction;
    public sealed record Feedback(string EntryId, bool Helpful) : ButtonAction;
    // Residents: events and subscriptions.
    public sealed record Events(string? Area = null, EventKind? Kind = null) : ButtonAction;
    public sealed record EventFilter(bool ByArea) : ButtonAction;
    public sealed record ShowEvent(long Id) : ButtonAction;
    public sealed record Remind(long EventId, int? HoursBefore = null) : ButtonAction;
    public sealed record Calendar(long EventId) : ButtonAction;
    public sealed record Subscription : ButtonAction;
    public sealed record Subscribe : ButtonAction;
    public sealed record Unsubscribe : ButtonAction;
    public sealed record InterestAreas(string? Toggle = null) : ButtonAction;
    public sealed record InterestKinds(EventKind? Toggle = null) : ButtonAction;
    // Staff: the event desk and broadcasts (who may press them is checked when they are handled).
    public sealed record Desk(DeskOp Op, long EventId, string? Arg = null) : ButtonAction;
    public sealed record Control(BroadcastOp Op, long BroadcastId) : ButtonAction;
    // Residents: empowerment topics.
    public sealed record TopicsMenu : ButtonAction;
    public sealed record NewTopic : ButtonAction;
    public sealed record TopicCategoryChosen(TopicCategory Chosen) : ButtonAction;
    public sealed record TopicArea(string? Area) : ButtonAction;
    public sealed record TopicPrivacy(bool Contactable) : ButtonAction;
    public sealed record TopicSend : ButtonAction;
    public sealed record TopicRestart : ButtonAction;
    public sealed record TopicCancel : ButtonAction;
    public sealed record MyTopics : ButtonAction;
    public sealed record PublishedTopics : ButtonAction;
    public sealed record MeToo(long TopicId) : ButtonAction;
    public sealed record PrivacyDeleteAll : ButtonAction;
    public sealed record MyData : ButtonAction;
    // Staff: reviewing topics.
    public sealed record Review(ReviewOp Op, long TopicId, int? Value = null) : ButtonAction;
    // Staff: a question in a digest, to open its card and reply to it.
    public sealed record OpenQuestion(long QuestionId) : ButtonAction;
    // Staff: the team menu (each button runs the command of the same name; who pressed it is checked then).
    public sealed record StaffMenu(StaffOp Op) : ButtonAction;
    // Staff: making a poster (issue 18); each step carries the choices so far.
    public abstract record PosterStep : ButtonAction;
    public sealed record PosterEntries(string? CategoryId = null) : PosterStep;
    public sealed record PosterEvents : PosterStep;
    public sealed record PosterArea(PosterTarget Target) : PosterStep;
    public sealed record PosterLanguages(PosterTarget Target, string? Area, int Chosen) : PosterStep;
    public sealed record PosterMake(PosterTarget Target, string? Area, int Chosen) : PosterStep;
    // Voice (issue 15). Residents: send the voice message just offered to the team, or not; listen to an answer.
    public sealed record VoiceSend : ButtonAction;
    public sealed record VoiceDrop : ButtonAction;
    public sealed record Listen(string EntryId) : ButtonAction;
    // Staff: recorded answers (the coverage table, an entry, one language and what to do with its recording).
    public sealed record VoiceDesk(VoiceOp Op, string? EntryId = null, Language? Language = null) : ButtonAction;

    public string Encode()
    {
        var data = this switch
        {
            Menu => "m",
            ChooseLanguage => "L",
            SetLanguage s => "l:" + s.Language.Code,
            Topics => "t",
            Category c => "c:" + c.Id,
            ShowEntry e => "e:" + e.Id,
            AskHint => "q",
            Help => "h",
            Privacy => "p",
            PrivacyShow => "p:s",
            PrivacyDelete => "p:d",
            PrivacyDeleteConfirmed => "p:y",
            Guide => "g",
            GuideTopic g => "g:" + g.Topic,
            GuideResult r => $"gw:{r.Topic}:{r.Who}",
            AskTeam => "a",
            Feedback f => (f.Helpful ? "f+:" : "f-:") + f.EntryId,
            Events e => $"E:{e.Area ?? "*"}:{(e.Kind is { } k ? (int)k : "*")}",
            EventFilter f => f.ByArea ? "Ef:a" : "Ef:k",
            ShowEvent e => "Ev:" + e.Id,
            Remind r => r.HoursBefore is { } h ? $"Er:{r.EventId}:{h}" : "Er:" + r.EventId,
            Calendar c => "Ec:" + c.EventId,
            Subscription => "S",
            Subscribe => "S+",
            Unsubscribe => "S-",
            InterestAreas a => a.Toggle is { } area ? "Sa:" + area : "Sa",
            InterestKinds k => k.Toggle is { } kind ? "Sk:" + (int)kind : "Sk",
            Desk d => d.Arg is null ? $"X{(char)d.Op}:{d.EventId}" : $"X{(char)d.Op}:{d.EventId}:{d.Arg}",
            Control c => $"B{(char)c.Op}:{c.BroadcastId}",
            TopicsMenu => "N",
            NewTopic => "Nn",
            TopicCategoryChosen c => "Nc:" + (int)c.Chosen,
            TopicArea a => "Na:" + (a.Area ?? "-"),
            TopicPrivacy p => p.Contactable ? "Np:1" : "Np:0",
            TopicSend => "Ny",
            TopicRestart => "Nr",
            TopicCancel => "Nx",
            MyTopics => "Nm",
            PublishedTopics => "No",
            MeToo m => "Ns:" + m.TopicId,
            PrivacyDeleteAll => "p:Y",
            MyData => "p:j",
            Review r => r.Value is { } v ? $"K{(char)r.Op}:{r.TopicId}:{v}" : $"K{(char)r.Op}:{r.TopicId}",
            OpenQuestion q => "Qo:" + q.QuestionId,
            StaffMenu m => "Z:" + (char)m.Op,
            PosterEntries e => e.CategoryId is null ? "Pc" : "Pc:" + e.CategoryId,
            PosterEvents => "Pe",
            PosterArea a => "Pa:" + a.Target.Code,
            PosterLanguages l => $"Pl:{l.Target.Code}:{l.Area ?? "-"}:{l.Chosen:x2}",
            PosterMake m => $"Pm:{m.Target.Code}:{m.Area ?? "-"}:{m.Chosen:x2}",
            VoiceSend => "Ys",
            VoiceDrop => "Yx",
            Listen l => "Yh:" + l.EntryId,
            VoiceDesk v => $"W{(char)v.Op}" + (v.EntryId is null ? "" : ":" + v.EntryId) + (v.Language is null ? "" : ":" + v.Language.Code),
            _ => Data(),
        };
        if (Encoding.UTF8.GetByteCount(data) > MaxBytes) throw new InvalidOperationException($"Button data over {MaxBytes} bytes: {data}");
        return data;
    }

    public static ButtonAction? Decode(string? data, ContentSet content)
    {
        if (string.IsNullOrEmpty(data) || Encoding.UTF8.GetByteCount(data) > MaxBytes) return null;
        var colon = data.IndexOf(':');
        var (kind, arg) = colon < 0 ? (data, null) : (data[..colon], data[(colon + 1)..]);
        if (Conversation.FeatureButtons.TryGetValue(kind, out var codec)) return codec.Decode(kind, arg, content);
        return (kind, arg) switch
        {
            ("m", null) => new Menu(),
            ("L", null) => new ChooseLanguage(),
            ("l", not null) when Languages.Find(arg) is { } l && l.Code == arg => new SetLanguage(l),
            ("t", null) => new Topics(),
            ("c", not null) when content.HasCategory(arg!) => new Category(arg!),
            ("e", not null) when content.Entry(arg!) is not null => new ShowEntry(arg!),
            ("q", null) => new AskHint(),
            ("h", null) => new Help(),
            ("p", null) => new Privacy(),
            ("p", "s") => new PrivacyShow(),
            ("p", "d") => new PrivacyDelete(),
            ("p", "y") => new PrivacyDeleteConfirmed(),
            ("g", null) => new Guide(),
            ("g", not null) when content.HasCategory(arg!) => new GuideTopic(arg!),
            ("gw", not null) when arg!.Split(':') is [var c, var w] && content.HasCategory(c) && Audiences.All.Contains(w) => new GuideResult(c, w),
            ("a", null) => new AskTeam(),
            ("f+" or "f-", not null) when content.Entry(arg!) is not null => new Feedback(arg!, kind == "f+"),
            ("E", not null) when arg!.Split(':') is [var a, var k] && (a == "*" || Areas.IsKnown(a)) && (k == "*" || KindOf(k) is not null) =>
                new Events(a == "*" ? null : a, k == "*" ? null : KindOf(k)),
            ("Ef", "a" or "k") => new EventFilter(arg == "a"),
            ("Ev", not null) when ParseId(arg) is { } id => new ShowEvent(id),
            ("Er", not null) when arg!.Split(':') is [var e] && ParseId(e) is { } id => new Remind(id),
            ("Er", not null) when arg!.Split(':') is [var e, var h] && ParseId(e) is { } id && RemindHours.Contains(h) => new Remind(id, int.Parse(h)),
            ("Ec", not null) when ParseId(arg) is { } id => new Calendar(id),
            ("S", null) => new Subscription(),
            ("S+", null) => new Subscribe(),
            ("S-", null) => new Unsubscribe(),
            ("Sa", null) => new InterestAreas(),
            ("Sa", not null) when Areas.IsKnown(arg) => new InterestAreas(arg),
            ("Sk", null) => new InterestKinds(),
            ("Sk", not null) when KindOf(arg!) is { } k => new InterestKinds(k),
            ({ Length: 2 } x, not null) when x[0] == 'X' && Enum.IsDefined((DeskOp)x[1]) && arg!.Split(':', 2) is [var e, .. var rest] && ParseId(e) is { } id =>
                new Desk((DeskOp)x[1], id, rest.Length == 1 ? rest[0] : null),
            ("N", null) => new TopicsMenu(),
            ("Nn", null) => new NewTopic(),
            ("Nc", not null) when SmallEnum<TopicCategory>(arg!) is { } c => new TopicCategoryChosen(c),
            ("Na", "-") => new TopicArea(null),
            ("Na", not null) when Areas.IsKnown(arg) => new TopicArea(arg),
            ("Np", "0" or "1") => new TopicPrivacy(arg == "1"),
            ("Ny", null) => new TopicSend(),
            ("Nr", null) => new TopicRestart(),
            ("Nx", null) => new TopicCancel(),
            ("Nm", null) => new MyTopics(),
            ("No", null) => new PublishedTopics(),
            ("Ns", not null) when ParseId(arg) is { } id => new MeToo(id),
            ("p", "Y") => new PrivacyDeleteAll(),
            ("p", "j") => new MyData(),
            ({ Length: 2 } x, not null) when x[0] == 'K' && Enum.IsDefined((ReviewOp)x[1]) && arg!.Split(':') is [var t, .. var rest] && rest.Length <= 1 && ParseId(t) is { } id
                && (rest.Length == 0 || int.TryParse(rest[0], System.Globalization.NumberStyles.None, null, out _)) =>
                new Review((ReviewOp)x[1], id, rest.Length == 1 ? int.Parse(rest[0]) : null),
            ("Qo", not null) when ParseId(arg) is { } id => new OpenQuestion(id),
            ("Pc", null) => new PosterEntries(),
            ("Pc", not null) when content.HasCategory(arg) => new PosterEntries(arg),
            ("Pe", null) => new PosterEvents(),
            ("Pa", not null) when PosterTarget.Decode(arg, content) is { } target => new PosterArea(target),
            ("Pl" or "Pm", not null) when arg.Split(':') is [var t, var a, var c] && PosterTarget.Decode(t, content) is { } target
                && (a == "-" || (Areas.IsKnown(a) && a != Areas.Other)) && c.Length is 2 or 3
                && int.TryParse(c, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var chosen) && PosterChoice.IsKnown(chosen) =>
                kind == "Pl" ? new PosterLanguages(target, a == "-" ? null : a, chosen) : new PosterMake(target, a == "-" ? null : a, chosen),
            ("Z", { Length: 1 }) when Enum.IsDefined((StaffOp)arg![0]) => new StaffMenu((StaffOp)arg[0]),
            ({ Length: 2 } x, not null) when x[0] == 'B' && Enum.IsDefined((BroadcastOp)x[1]) && ParseId(arg) is { } id => new Control((BroadcastOp)x[1], id),
            ("Ys", null) => new VoiceSend(),
            ("Yx", null) => new VoiceDrop(),
            ("Yh", not null) when content.Entry(arg) is not null => new Listen(arg),
            ({ Length: 2 } x, null) when x[0] == 'W' && (VoiceOp)x[1] == VoiceOp.Table => new VoiceDesk(VoiceOp.Table),
            ({ Length: 2 } x, not null) when x[0] == 'W' && Enum.IsDefined((VoiceOp)x[1]) && arg.Split(':') is [var e, .. var l] && l.Length <= 1
                && content.Entry(e) is not null && (l.Length == 0 || (Languages.Find(l[0]) is { } found && found.Code == l[0])) =>
                new VoiceDesk((VoiceOp)x[1], e, l.Length == 1 ? Languages.Find(l[0]) : null),
            _ => null,
        };
    }

    /// <summary>How long before an event a reminder may come.</summary>
    public static readonly IReadOnlyList<string> RemindHours = ["24", "3"];

    /// <summary>A button kept in its feature's folder writes its own data (at most <see cref="MaxBytes"/>, checked by
    /// <see cref="Encode"/>); its feature's <see cref="ButtonCodec"/> reads it back.</summary>
    protected virtual string Data() => throw new InvalidOperationException($"No encoding for {GetType().Name}");

    /// <summary>A positive id, digits only (no sign, no spaces): for codecs too.</summary>
    protected static long? ParseId(string? s) => long.TryParse(s, System.Globalization.NumberStyles.None, null, out var id) && id > 0 ? id : null;

    private static EventKind? KindOf(string s) => SmallEnum<EventKind>(s);

    /// <summary>A defined value of a small enum, by its number (one or two digits).</summary>
    protected static T? SmallEnum<T>(string s) where T : struct, Enum =>
        s.Length <= 2 && int.TryParse(s, System.Globalization.NumberStyles.None, null, out var k) && Enum.IsDefined(typeof(T), k) ? (T)(object)k : null;
}

/// <summary>What a staff member does on the event desk; the letter is the button code.</summary>
public enum DeskOp
{
    Open = 'o', Area = 'a', Kind = 'k', Spoken = 'l', SpokenDone = 'L', Free = 'c', Access = 'x', Skip = 's', EndAfter = 'h',
    Preview = 'p', Edit = 'e', Translate = 't', Send = 'n', Schedule = 'w', SegmentArea = 'A', SegmentLanguage = 'G',
    SegmentEveryone = 'E', Go = 'g', Cancel = 'z', CancelConfirmed = 'Z', Delete = 'd', Dates = 'D', ToggleDate = 'y', Voice = 'v',
}

/// <summary>The team menu's buttons; the letter is the button code.</summary>
public enum StaffOp { Menu = 'm', Desk = 'd', NewEvent = 'n', Topics = 't', Unanswered = 'u', Stats = 's', Export = 'x', Resident = 'r', Poster = 'P', MarkReport = 'M', Voice = 'v' }

/// <summary>Recorded answers (issue 15): the table, an entry, a language; then listen, record, confirm, remove.</summary>
public enum VoiceOp { Table = 't', Entry = 'e', Language = 'l', Play = 'p', Record = 'r', Confirm = 'k', Remove = 'd' }

public enum BroadcastOp { Pause = 'p', Resume = 'r', Cancel = 'x' }

/// <summary>What the review team does with a topic: set its status, category or field of action (the value is the
/// enum's number; without one, the choices are shown), hide / show it again, or open its card (from a list or digest).</summary>
public enum ReviewOp { Status = 's', Category = 'c', Field = 'f', Hide = 'h', Show = 'v', Contact = 'w', Open = 'o' }
