using System.Globalization;
using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;

namespace BennBot.Worker.Topics;

/// <summary>How topics look to the team, the list with its filters, and the commands that take arguments.</summary>
public sealed partial class TopicDesk
{
    private string Head(Topic t) =>
        T("staff.topic.card", ("id", t.Id), ("category", T(TopicsHandler.Key("cat", t.Category))), ("area", AreaName(t.Area)),
            ("language", Languages.Find(t.Language) is { } l ? content.T(l, "language.name") : t.Language), ("date", BerlinTime.Day(t.SubmittedAt)),
            ("status", T(TopicsHandler.Key("status", t.Status))), ("field", T(TopicsHandler.Key("field", t.Field))), ("supporters", t.Supporters));

    private string Card(Topic t)
    {
        var reach = t is { SubmitterId: 0, Followers.Count: 0 } ? "staff.topic.unlinked" : t.Contactable ? "staff.topic.contact" : "staff.topic.anonymous";
        var lines = new List<string> { Html.Escape(Head(t)), Html.Escape(T(reach)) };
        if (t.Hidden) lines.Add(Html.Escape(T("staff.topic.hidden")));
        if (t.MergedInto is { } into) lines.Add(Html.Escape(T("staff.topic.merged", ("into", into))));
        if (t.PublicWording is { } w) lines.Add(Html.Escape(T("staff.topic.published", ("wording", w))));
        if (t.Response is { } r) lines.Add(Html.Escape(T("staff.topic.response", ("response", r))));
        lines.Add("");
        lines.Add(t.Text is { } text ? Html.Escape(text) : Html.Escape(T("staff.topic.voice", ("seconds", t.VoiceSeconds))));
        lines.Add("");
        var card = string.Join('\n', lines);
        // A voice message's caption may be at most 1,024 characters: then only the head, the privacy line and the
        // voice line; the published wording and the response stay in /topics.
        if (t.VoiceFileId is not null && card.Length > 1000) card = string.Join('\n', lines[0], lines[1], "", lines[^2], "");
        return card + $"\n#T{t.Id}";
    }

    private Keyboard Keys(Topic t)
    {
        Button B(string key, ReviewOp op, int? value = null) => new(T(key), new ButtonAction.Review(op, t.Id, value).Encode());
        return new([
            [B("staff.topic.b.inreview", ReviewOp.Status, (int)TopicStatus.InReview), B("staff.topic.b.planned", ReviewOp.Status, (int)TopicStatus.Planned)],
            [B("staff.topic.b.done", ReviewOp.Status, (int)TopicStatus.Done), B("staff.topic.b.notpursued", ReviewOp.Status, (int)TopicStatus.NotPursued)],
            [B("staff.topic.b.category", ReviewOp.Category), B("staff.topic.b.field", ReviewOp.Field)],
            t.Contactable && t.SubmitterId != 0
                ? [B("staff.topic.b.contact", ReviewOp.Contact), t.Hidden ? B("staff.topic.b.show", ReviewOp.Show) : B("staff.topic.b.hide", ReviewOp.Hide)]
                : [t.Hidden ? B("staff.topic.b.show", ReviewOp.Show) : B("staff.topic.b.hide", ReviewOp.Hide)],
        ]);
    }

    private string Summary(Topic t) =>
        $"{T(TopicsHandler.Key("status", t.Status))} · {T(TopicsHandler.Key("cat", t.Category))} · {T(TopicsHandler.Key("field", t.Field))}{(t.Hidden ? " · " + T("staff.topic.hidden") : "")}";

    private string AreaName(string? area) => area is null ? T("topic.noarea") : EventCard.AreaName(content, staffLanguage, area);

    /// <summary>/topics status=new category=housing area=hansa lang=ar since=2026-11-01 until=2026-12-31 page=2</summary>
    private Outcome List(string args)
    {
        var filter = TopicFilter.Parse(args);
        if (filter is null) return Say("staff.topics.help");
        var all = db.Read(d => TopicStore.All(d)).Where(filter.Matches).OrderByDescending(t => t.Id).ToList();
        if (all.Count == 0) return Say("staff.topics.none");
        var pages = (all.Count + PageSize - 1) / PageSize;
        var page = Math.Clamp(filter.Page, 1, pages);
        var shown = all.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var lines = shown.Select(t =>
        {
            var what = t.Text is { } text ? TextCut.Shorten(text, 80) : T("staff.topic.voice", ("seconds", t.VoiceSeconds));
            return Html.Escape($"#T{t.Id} · {T(TopicsHandler.Key("status", t.Status))} · {T(TopicsHandler.Key("cat", t.Category))} · {AreaName(t.Area)} · {t.Language} · {t.SubmittedAt:dd.MM.yyyy} · 🙋 {t.Supporters}{(t.Hidden ? " · " + T("staff.topic.hidden") : "")}\n   {what}");
        });
        // The list answers nobody: a reply to it is bound to no topic. A tap on a number opens that topic's card to reply to.
        var open = Keyboard.Grid(shown.Select(t => new Button($"#T{t.Id}", new ButtonAction.Review(ReviewOp.Open, t.Id).Encode())), 5);
        var text = Html.Escape(T("staff.topics.title", ("count", all.Count), ("page", page), ("pages", pages))) + "\n\n" + string.Join("\n", lines) + "\n\n" + Html.Escape(T("staff.topics.tap"));
        return new([new SendText(text, new Keyboard(open))]);
    }

    private Outcome Merge(string args)
    {
        if (args.Split(' ', StringSplitOptions.RemoveEmptyEntries) is not [var a, var b] || !long.TryParse(a.TrimStart('#', 'T'), out var from) || !long.TryParse(b.TrimStart('#', 'T'), out var into) || from == into)
            return Say("staff.merge.usage");
        if (Find(from) is not { MergedInto: null } || Find(into) is not { MergedInto: null }) return Say("staff.merge.usage");
        return new([new SendText(Html.Escape(T("staff.merge.done", ("from", from), ("into", into))))]) { Effects = [new MergeTopic(from, into)] };
    }

    private Outcome Publish(string args)
    {
        var parts = args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var number, var wording] || !long.TryParse(number.TrimStart('#', 'T'), out var id) || wording.Trim().Length is 0 or > 500)
            return Say("staff.publish.usage");
        if (Find(id) is not { Hidden: false, MergedInto: null }) return Say("staff.topic.notfound", ("id", id));
        var text = wording.Trim();
        return new([new SendText(Html.Escape(T("staff.publish.done", ("id", id), ("wording", text))))]) { Effects = [new ChangeTopic(id, t => t with { PublicWording = text, PublicWordingLanguage = staffLanguage.Code })] };
    }

    private Outcome Stats()
    {
        var stats = TopicReport.Count(db.Read(d => TopicStore.All(d)));
        if (stats.Total == 0) return Say("staff.stats.none"); // not six empty headings and an empty chart (issue 13)
        var label = TopicReport.Labels(content, staffLanguage);
        string Section(string title, string dimension, IReadOnlyList<(string Key, int Count)> rows) =>
            Html.Bold(T(title)) + "\n" + string.Join("\n", rows.Select(r => Html.Escape($"{label(dimension, r.Key)}: {r.Count}")));
        var text = string.Join("\n\n", [
            Html.Bold(T("staff.stats.title", ("total", stats.Total))),
            Section("staff.stats.field", "field", stats.ByField), Section("staff.stats.category", "category", stats.ByCategory),
            Section("staff.stats.area", "area", stats.ByArea), Section("staff.stats.language", "language", stats.ByLanguage),
            Section("staff.stats.status", "status", stats.ByStatus), Section("staff.stats.month", "month", stats.ByMonth),
        ]);
        try
        {
            return new([new SendText(text), new SendPhoto(TopicReport.Chart(stats, T("staff.stats.title", ("total", stats.Total)), label), Html.Escape(T("staff.stats.chart")))]);
        }
        catch (TopicChartUnavailableException)
        {
            return new([new SendText(text)]); // no font or no native drawing library here: the counts still go out
        }
    }

    private Outcome Export(string args)
    {
        DateTime? since = null;
        if (args.Trim() is { Length: > 0 } s)
        {
            if (!DateTime.TryParseExact(s.Replace("since=", ""), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d))
                return Say("staff.export.usage");
            since = d;
        }
        var csv = TopicReport.Csv(db.Read(d => TopicStore.All(d)), since, staffLanguage, content);
        return new([new SendFile($"topics-{Now:yyyy-MM-dd}.csv", csv, Html.Escape(T("staff.export.caption")))]);
    }
}
