using BennBot.Content;
using BennBot.Worker.Events;
using BennBot.Worker.Hosting;
using BennBot.Worker.Posters;
using BennBot.Worker.Residents;

namespace BennBot.Worker.Terminal;

/// <summary><c>poster [--opens home|topic|subscribe|entry:ID|event:N] [--area ID] [--lang ar,fa,uk] [--bot NAME]
/// [--output DIR]</c>: the same poster staff get from the team menu, written as poster-a4.pdf, poster-a6-handouts.pdf (four A6 on an A4 sheet) and a
/// PNG preview (issue 18). Only an event poster reads the database, so only it needs the bot stopped.</summary>
public static class PosterCommand
{
    public static int Make(BennBotOptions options, string opens, string? area, string[] languages, string? bot, string? output, TextWriter stdout, DateTime now,
        string fontName = PosterPage.FontName)
    {
        var username = bot?.TrimStart('@') ?? options.BotUsername
            ?? throw Problem("The link needs the bot's username: --bot BennBot_bot, or BennBot__Telegram__BotUsername.");
        var content = App.LoadContent(options.SeedsPath);
        var chosen = new List<Language>();
        foreach (var code in languages.SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            chosen.Add(Languages.Find(code) ?? throw Problem($"--lang takes {string.Join(", ", Languages.All)}, not '{code}'."));
        if (chosen.Count == 0) chosen.AddRange(Languages.All);
        if (area is not null && (!Areas.IsKnown(area) || area == Areas.Other))
            throw Problem($"--area must be one of {string.Join(", ", Areas.Named.Select(a => a.Id))}, not '{area}'.");

        var (payload, ev) = Target(opens, options, content, now);
        var spec = PosterSpec.For(payload with { Area = ev is null ? area : null }, chosen, username, content, ev, now);
        (string, byte[])[] files;
        try
        {
            files = [("poster-a4.pdf", PosterPage.Pdf(spec, Paper.A4, fontName)), ("poster-a6-handouts.pdf", PosterPage.Pdf(spec, Paper.FourA6, fontName)),
                ("poster-a4.png", PosterPage.Png(spec, fontName: fontName))];
        }
        catch (PosterFontMissingException e)
        {
            throw Problem(e.Message);   // one sentence and exit 2, nothing written
        }
        var folder = output ?? ".";
        Directory.CreateDirectory(folder);
        stdout.WriteLine(spec.Link);
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            stdout.WriteLine(Path.GetFullPath(path));
        }
        return ExitCodes.Ok;
    }

    private static (StartPayload Payload, Event? Event) Target(string opens, BennBotOptions options, ContentSet content, DateTime now)
    {
        var (kind, arg) = opens.IndexOf(':') is var colon and >= 0 ? (opens[..colon], opens[(colon + 1)..]) : (opens, null);
        switch (kind.ToLowerInvariant(), arg)
        {
            case ("home", null): return (new(null, null, StartTarget.Home), null);
            case ("topic", null): return (new(null, null, StartTarget.Topic), null);
            case ("subscribe", null): return (new(null, null, StartTarget.Subscribe), null);
            case ("entry", { } id) when content.Entry(id) is not null: return (new(null, null, StartTarget.Entry, EntryId: id), null);
            case ("entry", _): throw Problem($"There is no entry '{arg}' in the content (the ids are in seeds/catalog.json).");
            case ("event", { } n) when long.TryParse(n, System.Globalization.NumberStyles.None, null, out var id) && id > 0:
                using (var db = StoppedDatabase.Open(options, "While it runs, staff make event posters with 🖨 in the team menu."))
                {
                    var ev = db.Read(d => EventStore.Find(d, id));
                    if (ev is not { Status: EventStatus.Published } || ev.Next(now) is null)
                        throw Problem($"Event {id} is not a published event still to come.");
                    return (new(null, null, StartTarget.Event, EventId: id), ev);
                }
            default: throw Problem($"--opens takes home, topic, subscribe, entry:ID or event:NUMBER, not '{opens}'.");
        }
    }

    private static StartupException Problem(string message) => new(message, ExitCodes.NotConfigured);
}
