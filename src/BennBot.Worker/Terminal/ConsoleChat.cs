using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Hosting;
using BennBot.Worker.Privacy;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;

namespace BennBot.Worker.Terminal;

/// <summary>The same conversation engine and database as the bot, on the console: type text or a /command,
/// or the number of a button. /quit or Ctrl+D ends it.</summary>
public static class ConsoleChat
{
    public static async Task<int> Run(App app, string? lang, long userId, TextReader input, TextWriter output, CancellationToken ct)
    {
        using var db = new Database(app.Options.DatabasePath, app.Options.DatabasePassword);
        var conversation = new Conversation(app.Content, app.Index, app.Options.DefaultLanguage, TimeProvider.System,
            new StaffSettings(app.Options.StaffUserIds, app.Options.StaffChatId), db, new RetentionPeriods(app.Options.InactiveDays, app.Options.TopicLinkDays, app.Options.BackupsKept));
        var telegramLanguage = Languages.Find(lang)?.TelegramCode ?? lang;
        if (Languages.Find(lang) is { } chosen)
        {
            var existing = db.Read(d => ResidentStore.Find(d, userId));
            var resident = (existing ?? new Resident { Id = userId, FirstSeen = DateTime.UtcNow.Date }) with { Language = chosen.Code, LanguageChosen = true };
            await db.Write(d => ResidentStore.Apply(d, userId, new Outcome([], Save: resident)));
        }
        output.WriteLine("BennBot in the terminal. Type a question, a /command, or a button number. /quit ends.");
        var buttons = new List<Button>();
        var updateId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(); // unique across sessions: team questions are keyed by it
        var next = new Incoming(++updateId, userId, userId, IncomingKind.Command, telegramLanguage, Command: "start");
        while (!ct.IsCancellationRequested)
        {
            var resident = db.Read(d => ResidentStore.Find(d, userId));
            var outcome = conversation.Handle(next, resident);
            // Replies for this terminal are printed, not queued; only messages for another chat (a question for the
            // staff chat) go to the outbox, for the bot to deliver when it runs.
            var mine = outcome.Replies.Where(r => r is not SendText { To: { } to } || to == userId).ToList();
            await db.Write(d => OutcomeStore.Apply(d, next, outcome with { Replies = outcome.Replies.Except(mine).ToList() }, DateTime.UtcNow));
            buttons = Print(mine, output);
            output.Write("> ");
            var line = input.ReadLine();
            if (line is null || line.Trim() == "/quit") break;
            next = Parse(line.Trim(), buttons, ++updateId, userId, telegramLanguage);
        }
        return ExitCodes.Ok;
    }

    private static Incoming Parse(string line, List<Button> buttons, long updateId, long userId, string? language)
    {
        if (int.TryParse(line, out var n) && n >= 1 && n <= buttons.Count)
            return new(updateId, userId, userId, IncomingKind.Button, language, ButtonData: buttons[n - 1].Data, ButtonQueryId: updateId.ToString());
        if (line.StartsWith('/') && line.Length > 1)
            return new(updateId, userId, userId, IncomingKind.Command, language, Command: line[1..].Split(' ', '@')[0].ToLowerInvariant());
        return new(updateId, userId, userId, line.Length == 0 ? IncomingKind.Unsupported : IncomingKind.Text, language, Text: line);
    }

    private static List<Button> Print(IReadOnlyList<Reply> replies, TextWriter output)
    {
        var buttons = new List<Button>();
        foreach (var reply in replies)
        {
            switch (reply)
            {
                case AnswerButton { Notice: { } notice }:
                    output.WriteLine($"({notice})");
                    break;
                case SendFile file:
                    output.WriteLine($"[file {file.Name}, {file.Content.Length} bytes] {Html.ToPlain(file.CaptionHtml)}");
                    break;
                case SendPhoto photo:
                    output.WriteLine($"[image, {photo.Png.Length} bytes] {Html.ToPlain(photo.CaptionHtml)}");
                    break;
                case SendVoice voice:
                    output.WriteLine($"[voice message] {Html.ToPlain(voice.CaptionHtml)}");
                    break;
                case SendText text:
                    output.WriteLine();
                    output.WriteLine(Html.ToPlain(text.Html));
                    buttons = [];
                    foreach (var row in text.Keyboard?.Rows ?? [])
                    {
                        output.WriteLine("  " + string.Join("   ", row.Select(b => { buttons.Add(b); return $"[{buttons.Count}] {b.Label}"; })));
                    }
                    break;
            }
        }
        return buttons;
    }
}
