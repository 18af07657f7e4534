using System.Text.RegularExpressions;
using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Hosting;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;

namespace BennBot.Worker.Terminal;

/// <summary><c>chat</c>: one chat with BennBot on the console — a resident's (or a staff member's) private chat, or with
/// <c>--team</c> the staff chat. Lines become the updates Telegram would send (<see cref="TerminalUpdates"/>), go through the
/// same engine, and their replies through the outbox, as with the bot; this terminal then shows what the outbox holds for
/// its chat — also what another terminal on the same database sends there (<see cref="TurnDatabase"/>).</summary>
public sealed partial class ConsoleChat
{
    /// <summary>How often a waiting terminal looks for messages that another terminal sent to its chat.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    private readonly App _app;
    private readonly TurnDatabase _db;
    private readonly ChatScreen _screen;
    private readonly TextWriter _output;
    private readonly long _chatId;
    private readonly long _userId;
    private readonly string? _languageCode;
    private readonly bool _team;
    private Language _language;

    // No getMe in the terminal: the configured username (for posters' links) and the terminal's own bot id.
    private BotIdentity Bot => new(TerminalUpdates.BotId, _app.Options.BotUsername);

    private ConsoleChat(App app, ChatSettings settings, TextWriter output)
    {
        var o = app.Options;
        _app = app;
        _output = output;
        _team = settings.Team;
        _db = new TurnDatabase(o.DatabasePath, o.DatabasePassword);
        _screen = new ChatScreen(output, settings.FilesFolder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(o.DatabasePath))!, "terminal-files"), _team);
        _language = Languages.Find(settings.Lang) ?? o.DefaultLanguage;
        _languageCode = Languages.Find(settings.Lang)?.TelegramCode ?? settings.Lang;
        if (!_team)
        {
            _chatId = _userId = settings.UserId ?? 1;
            return;
        }
        _chatId = o.StaffChatId ?? throw new StartupException(
            "The team view shows the staff chat: set BennBot__Staff__ChatId (in the terminal any negative number, e.g. -100) and BennBot__Staff__UserIds__0 to a staff member's id.",
            ExitCodes.NotConfigured);
        _userId = settings.UserId ?? o.StaffUserIds.FirstOrDefault();
        if (!o.StaffUserIds.Contains(_userId))
            throw new StartupException(
                $"The team view needs a staff member: pass --user with one of BennBot__Staff__UserIds ({(o.StaffUserIds.Count == 0 ? "none set" : string.Join(", ", o.StaffUserIds))}).",
                ExitCodes.NotConfigured);
    }

    public static async Task<int> Run(App app, ChatSettings settings, TextReader input, TextWriter output, CancellationToken ct, TimeSpan? pollEvery = null)
    {
        var chat = new ConsoleChat(app, settings, output);
        await chat.Begin(Languages.Find(settings.Lang));
        while (!ct.IsCancellationRequested)
        {
            output.Write(chat._team ? "team> " : "> ");
            var reading = Task.Run(input.ReadLine, CancellationToken.None);
            // While the person thinks, messages that another terminal sends to this chat (a team answer, a new card) appear.
            while (!reading.IsCompleted && !ct.IsCancellationRequested)
            {
                await Task.WhenAny(reading, Task.Delay(pollEvery ?? PollEvery, ct).ContinueWith(_ => { }, TaskScheduler.Default));
                if (!reading.IsCompleted && !ct.IsCancellationRequested && chat._db.MayHaveChanged && await chat._db.Use(chat.Deliver) > 0)
                    output.Write(chat._team ? "team> " : "> ");
            }
            if (ct.IsCancellationRequested) break;
            var line = (await reading)?.Trim();
            if (line is null or "/quit") break;
            await chat.Handle(line);
        }
        return ExitCodes.Ok;
    }

    private async Task Begin(Language? chosen)
    {
        if (_team)
        {
            _output.WriteLine($"The staff chat ({_chatId}) in the terminal, as staff member {_userId}: what BennBot sends to the team appears here, also from residents chatting in another terminal.");
            _output.WriteLine("Type a /command (/topics, /unanswered, /stats, /export), a button number, or \">7 text\" to reply to message 7 (that answers the question or topic it shows). /quit ends.");
            await _db.Use(Deliver);
            return;
        }
        _output.WriteLine("BennBot in the terminal. Type a question, a /command, or a button number. /quit ends.");
        if (chosen is not null)
        {
            // --lang stands for the language a Telegram app reports; a resident who already chose one is switched to this one.
            await _db.Use(db => db.Write(d =>
            {
                var today = DateTime.UtcNow.Date;
                var resident = ResidentStore.Find(d, _userId) is { } existing
                    ? existing with { Language = chosen.Code, LanguageChosen = true }
                    : new Resident { Id = _userId, Language = chosen.Code, FirstSeen = today, LastSeen = today }; // new: greeted as new
                ResidentStore.Apply(d, _userId, new Outcome([], Save: resident));
                return true;
            }));
        }
        await Send(id => TerminalUpdates.Typed(id, _chatId, _userId, _languageCode, "/start", _app.Options.StaffChatId));
    }

    private async Task Handle(string line)
    {
        if (line.Length == 0) return; // Telegram sends no empty messages either
        if (ButtonNumber().IsMatch(line) && _screen.ButtonCount > 0)
        {
            if (_screen.ButtonAt(int.Parse(line)) is { } button)
                await Send(id => TerminalUpdates.Tapped(id, _chatId, _userId, _languageCode, button.Data, _app.Options.StaffChatId));
            else
                _output.WriteLine(Bidi.Direct(_language, _app.Content.T(_language, "terminal.buttons", ("max", _screen.ButtonCount))));
            return;
        }
        if (_team && ReplyLine().Match(line) is { Success: true } reply)
        {
            var to = long.Parse(reply.Groups[1].Value);
            await Send(id => TerminalUpdates.Typed(id, _chatId, _userId, _languageCode, reply.Groups[2].Value.Trim(), _app.Options.StaffChatId, replyTo: to));
            return;
        }
        await Send(id => TerminalUpdates.Typed(id, _chatId, _userId, _languageCode, line, _app.Options.StaffChatId));
    }

    // One update, as UpdateProcessor applies it: handled, its changes and replies saved in one transaction, then delivered.
    private Task<int> Send(Func<long, Incoming> update) => _db.Use(async db =>
    {
        // Unique across terminals on this database and apart from Telegram's update ids (a team question is keyed by it).
        var updateId = await db.Write(d => Sequences.Next(d, "terminal-update", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var incoming = update(updateId);
        var resident = incoming.UserId == 0 ? null : db.Read(d => ResidentStore.Find(d, incoming.UserId));
        // Built each turn: another terminal may have confirmed or removed an example (issue 16).
        var conversation = _app.NewConversation(db, TimeProvider.System);
        var outcome = conversation.Handle(incoming, resident, Bot);
        await db.Write(d => OutcomeStore.Apply(d, incoming, outcome, DateTime.UtcNow));
        if (!_team) _language = Languages.Find(db.Read(d => ResidentStore.Find(d, _userId))?.Language) ?? _language;
        return await Deliver(db);
    });

    // What OutboxSender does for this chat, with the console for Telegram: each message leaves the outbox as it is shown;
    // in the staff chat it gets a number, remembered with its question or topic, so that ">number text" answers that item.
    private async Task<int> Deliver(Database db)
    {
        await TerminalDelivery.Run(db, _app, DateTime.UtcNow); // broadcasts and reminders, for every terminal's chat
        var pending = db.Read(d => Outbox.Pending(d, _chatId));
        if (pending.Count == 0) return 0;
        var ordered = pending.Where(m => m.Kind == OutboxKind.Answer).Concat(pending.Where(m => m.Kind != OutboxKind.Answer)).ToList();
        var now = DateTime.UtcNow;
        var numbers = await db.Write(d => ordered.Select(m =>
        {
            var number = _team && m.Kind != OutboxKind.Answer ? Sequences.Next(d, $"terminal-message:{_chatId}", 0) : 0;
            if (number > 0 && m.ReadAbout() is { } about) SentCards.Remember(d, _chatId, number, about, now);
            Outbox.Remove(d, m.Id);
            return number;
        }).ToList());
        _screen.Show(ordered, numbers);
        return ordered.Count;
    }

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex ButtonNumber();

    // ">7 text": a reply to message 7 of the staff chat.
    [GeneratedRegex(@"^>\s*(\d{1,9})\s+(\S.*)$", RegexOptions.Singleline)]
    private static partial Regex ReplyLine();
}

/// <summary>The options of <c>chat</c>: <c>--lang</c>, <c>--user</c> (default 1; with <c>--team</c> the first staff id),
/// <c>--team</c>, <c>--files</c> (where files are saved; default <c>terminal-files/</c> beside the database).</summary>
public sealed record ChatSettings(string? Lang = null, long? UserId = null, bool Team = false, string? FilesFolder = null);
