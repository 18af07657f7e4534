using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using BennBot.Worker.Topics;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Conversations;

/// <summary>"Show my data" shows every item /privacy says is stored (issue 13: it left out the resident's topics and
/// the last-seen day), in every language, read from a real database.</summary>
public sealed class PrivacyViewTests : IDisposable
{
    private const long Me = 4242;
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-privacy-").FullName;

    public static TheoryData<string> AllLanguages => new(Languages.All.Select(l => l.Code));

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task Show_my_data_lists_every_item_privacy_names(string code)
    {
        var language = Languages.Find(code)!;
        using var db = new Database(Path.Combine(_dir, code + ".db"));
        await db.Write(d =>
        {
            ResidentStore.Apply(d, Me, new Outcome([], Save: new Resident
            {
                Id = Me, Language = code, LanguageChosen = true, FirstSeen = new DateTime(2026, 10, 1), LastSeen = new DateTime(2026, 11, 20),
                Subscribed = true, InterestAreas = ["hansa"],
            }));
            Effect[] effects =
            [
                new SubmitTopic(new Topic { Id = 1, Category = TopicCategory.Health, SubmitterId = Me, SubmittedAt = new DateTime(2026, 11, 2), Language = code }),
                new SubmitTopic(new Topic { Id = 2, Category = TopicCategory.Leisure, SubmitterId = 777, SubmittedAt = new DateTime(2026, 11, 3), PublicWording = "Mehr Bänke" }),
                new SupportTopic(2, Me),
                new SaveDialogue(Me, new Dialogue.Topic(new TopicDraft { Id = Me, Step = DraftStep.Content, Category = TopicCategory.School })),
                new CountFeedback("petition", true, Me),
                new AskTeam(1, Me, code, "Wann ist das nächste Treffen?"),
                new SetReminder(5, Me, Now.AddDays(2)),
            ];
            foreach (var e in effects) e.Apply(d, Now);
        });
        var conversation = new Conversation(TestContent.Content, TestContent.Index, Languages.German, new FakeTimeProvider(Now), db, StaffSettings.None);
        var resident = db.Read(d => ResidentStore.Find(d, Me));
        var view = ((SendText)conversation.Handle(new Incoming.Button(1, Me, Me, "en", "p:s", "q"), resident).Replies[1]).Html;

        string T(string key, params (string, object)[] args) => Html.Escape(TestContent.Content.T(language, key, args));
        string Raw(string key) => TestContent.Content.T(language, key);
        var yes = Raw("privacy.yes");
        // /privacy, item by item, and the line(s) that show it.
        (string Item, string Shown)[] items =
        [
            ("Telegram user ID", Me.ToString()),
            ("language", T("language.name")),
            ("the day you first wrote", "01.10.2026"),
            ("the day you last wrote", T("privacy.lastseen", ("date", "20.11.2026"))),
            ("event notices, with the areas and kinds chosen; a reminder", T("privacy.events", ("subscription", yes + ", " + EventCard.AreaName(TestContent.Content, language, "hansa")), ("reminders", 1))),
            ("a topic you share, and its link to you", T("topic.mine.line", ("id", 1), ("category", Raw("cat.health")), ("status", Raw("status.new")), ("date", "02.11.2026"))),
            ("an unfinished topic; 'me too'; ratings", T("privacy.topicdata", ("draft", yes), ("supports", 1), ("ratings", 1))),
            ("a question to the BENN team (kept with you until answered)", "Wann ist das nächste Treffen?"),
        ];
        foreach (var (item, shown) in items)
            foreach (var line in shown.Split('\n')) // right-to-left languages mark every line
                Assert.True(view.Contains(line), $"{code}: '{item}' is not shown: {line}\n---\n{view}");
    }

    /// <summary>Many residents read little: /privacy was one block of about 1,300–1,500 characters in seven of the eight
    /// languages. It is now a few short paragraphs, each about one kind of data.</summary>
    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Privacy_reads_as_short_paragraphs(string code)
    {
        using var db = new Database(Path.Combine(_dir, code + ".db"));
        var conversation = new Conversation(TestContent.Content, TestContent.Index, Languages.German, new FakeTimeProvider(Now), db, StaffSettings.None);
        var resident = new Resident { Id = Me, Language = code, LanguageChosen = true, FirstSeen = Now, LastSeen = Now };
        var reply = conversation.Handle(new Incoming.Command(1, Me, Me, "en", "privacy"), resident).Replies.OfType<SendText>().Single();
        var paragraphs = Html.ToPlain(reply.Html).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(paragraphs.Length >= 8, $"{code}: {paragraphs.Length} paragraphs");
        Assert.All(paragraphs, p => Assert.True(p.Length <= 600, $"{code}: a paragraph of {p.Length} characters: {p}"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
