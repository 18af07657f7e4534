using BennBot.Content;
using BennBot.Worker;
using BennBot.Worker.Hosting;
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
        await staff.Shows(Ui("greeting.new").Split('\n')[0]);

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

    // The number of the newest staff-chat message that shows this text.
    private static string LastMessage(TerminalSession team, string text)
    {
        var output = team.Output;
        var at = output.LastIndexOf(text, StringComparison.Ordinal);
        var header = output.LastIndexOf("── message ", at, StringComparison.Ordinal);
        return output[(header + "── message ".Length)..].Split(' ')[0];
    }
}
