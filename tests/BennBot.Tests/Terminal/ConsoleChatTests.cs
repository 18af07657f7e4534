using BennBot.Content;
using BennBot.Tests.EndToEnd;
using BennBot.Worker;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Hosting;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Terminal;
using BennBot.Worker.Topics;
using Microsoft.Extensions.Configuration;

namespace BennBot.Tests.Terminal;

/// <summary>`chat` as a newcomer, a staff member and the review team try BennBot without Telegram (issue 13).</summary>
public sealed class ConsoleChatTests : IDisposable
{
    private const long Staff = 900, StaffChat = -100;
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-chat-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private App App() => new(new BennBotOptions
    {
        DatabasePath = Path.Combine(_dir, "data", "bennbot.db"),
        StaffUserIds = [Staff],
        StaffChatId = StaffChat,
        DefaultLanguage = Languages.English,
        SeedsPath = TestContent.SeedsPath,
    }, TestContent.Content, TestContent.Index, new ConfigurationBuilder().Build());

    private string Ui(string key, params (string, object)[] args) => TestContent.Content.T(Languages.English, key, args);

    [Fact]
    public async Task Staff_commands_typed_in_the_terminal_keep_their_arguments()
    {
        var app = App();
        using (var db = new Database(app.Options.DatabasePath))
            await db.Write(d =>
            {
                TopicEffectStore.Apply(d, new SubmitTopic(new Topic { Id = 1, SubmitterId = 5, Text = "The stair light has been broken for weeks", SubmittedAt = DateTime.UtcNow.AddDays(-40) }), DateTime.UtcNow);
                TopicEffectStore.Apply(d, new SubmitTopic(new Topic { Id = 2, SubmitterId = 6, Text = "More benches by the lake", SubmittedAt = DateTime.UtcNow }), DateTime.UtcNow);
            });
        await using var staff = new TerminalSession(app, new ChatSettings("en", Staff, FilesFolder: Path.Combine(_dir, "files")));
        await staff.Shows("> ");

        staff.Type("/topic 1"); // was: the resident's "What is it about?"
        await staff.Shows("The stair light has been broken for weeks");
        Assert.DoesNotContain(Ui("topic.category"), staff.Output);

        staff.Type($"/export {DateTime.UtcNow.AddDays(-7):yyyy-MM-dd}"); // was: every topic, the date dropped
        await staff.Shows("[file saved: ");
        var csv = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_dir, "files")).Single());
        Assert.Contains("More benches by the lake", csv);
        Assert.DoesNotContain("The stair light", csv);
        Assert.Equal(0, await staff.Quit());
    }

    [Fact]
    public async Task An_announcement_sent_from_the_terminal_reaches_the_subscribed_residents_terminal_in_their_language_and_the_team_gets_the_report()
    {
        var app = App();
        using (var db = new Database(app.Options.DatabasePath))
        {
            var e = await EventSeeds.Subscribers(db, [7], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)), "ru");
            await db.Write(d => ResidentStore.Apply(d, 8, new Outcome([], Save: new Resident { Id = 8, Language = "tr", LanguageChosen = true, FirstSeen = DateTime.UtcNow.Date })));
            await EventSeeds.Announce(db, e, StaffChat); // as "send now" in the desk; before, nothing sent it in the terminal
        }
        await using (var resident = new TerminalSession(app, new ChatSettings("ru", 7)))
            await resident.Shows(TestContent.Content.T(Languages.Find("ru")!, "event.new"));
        await using (var team = new TerminalSession(app, new ChatSettings(Team: true)))
            await team.Shows(Ui("broadcast.state.done"));

        using var after = new Database(app.Options.DatabasePath);
        var b = EventSeeds.Latest(after);
        Assert.Equal(BroadcastStatus.Done, b.Status);
        Assert.Equal((1, 0), (after.Read(d => BroadcastStore.Count(d, b.Id, DeliveryStatus.Sent)), after.Read(d => Outbox.Pending(d, 8).Count))); // 8 did not subscribe
    }

    [Fact]
    public async Task Resident_and_team_in_two_terminals_on_one_database_go_through_a_topic_and_a_question_to_the_answers()
    {
        var app = App();
        await using var resident = new TerminalSession(app, new ChatSettings("en", 7));
        await using var team = new TerminalSession(app, new ChatSettings(Team: true)); // --team: the first staff id
        await team.Shows("team> ");

        // The resident brings in a topic; the team sees its card while waiting for typing, sets it to planned and replies.
        resident.Type("/topic");
        await resident.Press("Housing");
        resident.Type("The stair light has been broken for weeks");
        await resident.Press(Ui("topic.skip"));
        await resident.Press("Anonymous");
        await resident.Press("Send");
        await team.Shows("The stair light has been broken for weeks");
        await team.Press(Ui("staff.topic.b.planned"));
        await resident.Shows(Ui("topic.notice.status", ("id", 1), ("category", Ui("cat.housing")), ("status", Ui("status.planned"))));
        team.Type($">{LastMessage(team, "#T1")} We will ask the landlord this week.");
        await resident.Shows(Ui("topic.notice.response", ("id", 1), ("language", "English")));
        await resident.Shows("We will ask the landlord this week.");

        // A question for the team: its card arrives, the reply answers the resident.
        resident.Type("Can I volunteer?");
        await resident.Press("Ask the BENN team");
        resident.Type("Is there a gardening group near Weißer See?");
        await team.Shows("Is there a gardening group near Weißer See?");
        team.Type($">{LastMessage(team, "Is there a gardening group")} Yes, wildwiese, on Saturdays.");
        await resident.Shows("Yes, wildwiese, on Saturdays.");
        await resident.Shows(Ui("askteam.answer"));

        Assert.Equal(0, await team.Quit());
        Assert.Equal(0, await resident.Quit());
    }

    [Fact]
    public async Task A_new_resident_is_greeted_as_new_and_as_returning_the_next_time()
    {
        var app = App();
        await using (var first = new TerminalSession(app, new ChatSettings("en", 7)))
        {
            await first.Shows("> ");
            Assert.Contains(Ui("greeting.new"), first.Output); // was: "Hello again!" for someone who never wrote before
            Assert.DoesNotContain(Ui("greeting.back"), first.Output);
            Assert.Equal(0, await first.Quit());
        }
        await using var second = new TerminalSession(app, new ChatSettings("en", 7));
        await second.Shows(Ui("greeting.back"));
    }

    [Fact]
    public async Task An_empty_line_says_nothing_and_a_number_beyond_the_buttons_names_the_numbers_there_are()
    {
        await using var resident = new TerminalSession(App(), new ChatSettings("en", 7));
        await resident.Shows("> ");
        resident.Type("");
        resident.Type("9"); // the language picker has 8 buttons
        await resident.Shows(Ui("terminal.buttons", ("max", 8)).Split('.')[0]);
        Assert.DoesNotContain(Ui("unsupported"), resident.Output); // was: the answer to an empty line
        Assert.Contains(Ui("terminal.buttons", ("max", 8)), resident.Output);
        resident.Type("3"); // English
        await resident.Shows(Ui("language.set"));
        resident.Type("42"); // the main menu has 9
        await resident.Shows(Ui("terminal.buttons", ("max", 9)));
        Assert.DoesNotContain(Ui("notfound").Split('.')[0], resident.Output); // was: "9" sent as a question
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_file_the_bot_sends_is_saved_owner_only_beside_the_database_and_its_path_printed()
    {
        var app = App();
        await using var resident = new TerminalSession(app, new ChatSettings("en", 7));
        await resident.Shows("> ");
        resident.Type("/mydata");
        await resident.Shows("[file saved: ");
        var folder = Path.Combine(_dir, "data", "terminal-files");
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Contains($"[file saved: {file} (", resident.Output);
        Assert.Matches(@"""telegramUserId"":\s*7\b", await File.ReadAllTextAsync(file)); // the resident's own data
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(file));
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(folder));

        resident.Type("/mydata"); // a second file does not overwrite the first
        await resident.Shows("[file saved: ", times: 2);
        Assert.Equal(2, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public async Task Beside_a_running_bot_the_terminal_stops_with_one_sentence_instead_of_opening_the_database_twice()
    {
        var app = App();
        using var bot = new Database(app.Options.DatabasePath); // holds the instance lock as the running bot does
        var e = await Assert.ThrowsAsync<StartupException>(() =>
            ConsoleChat.Run(app, new ChatSettings("en", 7), new StringReader(""), TextWriter.Null, CancellationToken.None));
        Assert.Equal(ExitCodes.AlreadyRunning, e.ExitCode);
        Assert.Contains("Another BennBot is already using the database", e.Message);
    }

    // The number of the newest staff-chat message that shows this text.
    private static string LastMessage(TerminalSession team, string text)
    {
        var output = team.Output;
        var at = output.LastIndexOf(text, StringComparison.Ordinal);
        var header = output.LastIndexOf("── message ", at, StringComparison.Ordinal);
        return output[(header + "── message ".Length)..].Split(' ')[0];
    }
}
