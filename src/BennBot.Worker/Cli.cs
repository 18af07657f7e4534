using System.CommandLine;
using BennBot.Content;
using BennBot.Worker.Hosting;
using BennBot.Worker.Terminal;
using Microsoft.Extensions.Hosting;

namespace BennBot.Worker;

/// <summary>The command line: run the bot (no command), chat, ask, content check, backup, restore, events import, topics export, poster, health.</summary>
public static class Cli
{
    public static bool IsSetting(string arg) => arg.StartsWith("--BennBot:", StringComparison.OrdinalIgnoreCase)
        || arg.StartsWith("--BennBot__", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> Run(string[] args, string[] configArgs)
    {
        var langOption = new Option<string?>("--lang", "-l") { Description = "Language code: " + string.Join(", ", Languages.All) };
        // Any case, as for BennBot__DefaultLanguage: "--lang AR" is Arabic.
        langOption.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } code && Languages.Find(code) is null)
                r.AddError($"--lang must be one of {string.Join(", ", Languages.All)}, not '{code}'.");
        });
        var userOption = new Option<long?>("--user") { Description = "Telegram user id to chat as (default 1; with --team the first staff id)" };
        var teamOption = new Option<bool>("--team") { Description = "Show the staff chat: cards, buttons and replies of the review team (needs BennBot__Staff__ChatId)" };
        var filesOption = new Option<string?>("--files") { Description = "Folder for files the bot sends (default: terminal-files beside the database)" };
        var jsonOption = new Option<bool>("--json") { Description = "One JSON object per line" };
        var questionArgument = new Argument<string?>("question") { Arity = ArgumentArity.ZeroOrOne, Description = "Without it, one question per line is read from standard input" };

        var chat = new Command("chat", "Talk to BennBot in this terminal, as a resident, as staff, or as the team (no Telegram needed)") { langOption, userOption, teamOption, filesOption };
        chat.SetAction((p, ct) => Guard(() => ConsoleChat.Run(App.Load(configArgs),
            new ChatSettings(p.GetValue(langOption), p.GetValue(userOption), p.GetValue(teamOption), p.GetValue(filesOption)), Console.In, Console.Out, ct)));

        var ask = new Command("ask", "Answer questions once, as the bot would") { langOption, jsonOption, questionArgument };
        ask.SetAction((p, ct) => Guard(() => AskCommand.Run(App.Load(configArgs), p.GetValue(langOption), p.GetValue(jsonOption), p.GetValue(questionArgument), Console.In, Console.Out)));

        var check = new Command("check", "Validate the content seeds");
        check.SetAction((_, ct) => Guard(() => ContentCheck.Run(BennBotOptions.Read(App.BuildConfiguration(configArgs)).Options.SeedsPath, Console.Out)));
        var folderArgument = new Argument<string>("folder") { Description = "A folder of {lang}.json files: [{\"q\": question, \"id\": entry or null, \"expect\": legal|other|smalltalk}]" };
        var missesOption = new Option<bool>("--misses") { Description = "Also print every question not answered directly and rightly" };
        var curveOption = new Option<bool>("--curve") { Description = "Also print, for each probability threshold, the answers right, wrong and off-topic" };
        var eval = new Command("eval", "Measure answering on a folder of test questions, per language") { folderArgument, missesOption, curveOption };
        eval.SetAction((p, ct) => Guard(() => ContentEval.WithLearned(App.Load(configArgs), p.GetValue(folderArgument)!, p.GetValue(missesOption), Console.Out, p.GetValue(curveOption))));
        var examplesOutput = new Option<string?>("--output", "-o") { Description = "Folder for the {lang}.json files (default: learned-examples)" };
        var exportExamples = new Command("export-examples", "The examples staff confirmed, in the seeds' format, to fold into seeds/texts (with the bot stopped)") { examplesOutput };
        exportExamples.SetAction((p, ct) => Guard(() => ExamplesCommand.Export(Settings(configArgs), p.GetValue(examplesOutput), Console.Out)));
        var content = new Command("content", "Content tools") { check, eval, exportExamples };

        var backup = new Command("backup", "Write a consistent backup of the database (with the bot stopped)");
        backup.SetAction((_, ct) => Guard(() => BackupCommands.Backup(Settings(configArgs), Console.Out)));
        var fileArgument = new Argument<string>("file") { Description = "A backup written by 'backup' or by the running bot" };
        var restore = new Command("restore", "Replace the database with a backup (with the bot stopped)") { fileArgument };
        restore.SetAction((p, ct) => Guard(() => BackupCommands.Restore(Settings(configArgs), p.GetValue(fileArgument)!, Console.Out)));

        var icsArgument = new Argument<string>("file") { Description = "An iCalendar (.ics) file" };
        var import = new Command("import", "Read events from an .ics file into drafts (with the bot stopped; a running bot takes the file in the staff chat)") { icsArgument };
        import.SetAction((p, ct) => Guard(() => EventsCommand.Import(Settings(configArgs), p.GetValue(icsArgument)!, Console.Out, DateTime.UtcNow)));
        var events = new Command("events", "Event tools") { import };

        var formatOption = new Option<string>("--format") { Description = "Export format (csv)", DefaultValueFactory = _ => "csv" };
        var sinceOption = new Option<string?>("--since") { Description = "Only topics submitted on or after this day (yyyy-MM-dd)" };
        var outputOption = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var export = new Command("export", "The topics as CSV without personal data (with the bot stopped; a running bot sends it with /export)") { formatOption, sinceOption, outputOption };
        export.SetAction((p, ct) => Guard(() => TopicsCommand.Export(Settings(configArgs), p.GetValue(formatOption)!, p.GetValue(sinceOption), p.GetValue(outputOption), Console.OpenStandardOutput())));
        var topics = new Command("topics", "Topic tools") { export };

        var opensOption = new Option<string>("--opens") { Description = "What the code opens: home, topic, subscribe, entry:ID or event:NUMBER", DefaultValueFactory = _ => "home" };
        var areaOption = new Option<string?>("--area") { Description = "The planning area the poster hangs in (goes with the link)" };
        var posterLangOption = new Option<string[]>("--lang", "-l") { Description = "Languages on the poster, e.g. ar,fa,uk (default: all eight)", AllowMultipleArgumentsPerToken = true };
        var botOption = new Option<string?>("--bot") { Description = "The bot's Telegram username (default: BennBot__Telegram__BotUsername)" };
        var posterOutput = new Option<string?>("--output", "-o") { Description = "Folder for poster-a4.pdf, poster-a6-handouts.pdf (four A6 on A4) and poster-a4.png (default: here)" };
        var poster = new Command("poster", "A printable A4 poster and four A6 handouts on an A4 sheet, with a QR code of a deep link into the bot") { opensOption, areaOption, posterLangOption, botOption, posterOutput };
        poster.SetAction((p, ct) => Guard(() => PosterCommand.Make(Settings(configArgs), p.GetValue(opensOption)!, p.GetValue(areaOption), p.GetValue(posterLangOption) ?? [],
            p.GetValue(botOption), p.GetValue(posterOutput), Console.Out, DateTime.UtcNow)));

        var health = new Command("health", "Exit 0 when the running bot polls Telegram and its database works (for HEALTHCHECK)");
        health.SetAction((_, ct) => Guard(() => Health.Check(Settings(configArgs), Console.Out, DateTime.UtcNow)));

        var root = new RootCommand("BennBot — the BENN Weißensee participation bot for Telegram. Without a command it runs the bot.") { chat, ask, content, backup, restore, events, topics, poster, health };
        root.SetAction((_, ct) => Guard(async () =>
        {
            using var host = await BotHost.Start(configArgs);
            await host.RunAsync(ct);
            return Environment.ExitCode;
        }));
        return await root.Parse(args).InvokeAsync();
    }

    private static BennBotOptions Settings(string[] configArgs) => App.Settings(configArgs).Options;

    // Startup problems are for operators: one clear message on stderr and an exit code, no stack trace.
    private static async Task<int> Guard(Func<Task<int>> run)
    {
        try { return await run(); }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
    }

    private static Task<int> Guard(Func<int> run) => Guard(() => Task.FromResult(run()));
}
