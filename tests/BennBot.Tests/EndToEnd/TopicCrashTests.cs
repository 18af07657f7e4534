using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using BennBot.Worker.Topics;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>The bot process is killed (SIGKILL, not stopped) three times while a few dozen residents go through the
/// topic dialogue and send their topics. After each restart it carries on by itself: every topic is stored once under
/// its own number, the team gets each card (or a digest entry for it), each resident their thank-you, and the only second copies are the
/// messages that were in flight at a kill.</summary>
public sealed class TopicCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Residents = 36, Kills = 3, Workers = 4;
    private const long StaffChat = -100500, Staff = 900, FirstResident = 6_200_000;
    private static readonly string[] Spoken = ["en", "de", "ar", "fa", "tr", "uk", "ru"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // a step can span a kill and a restart
    private readonly string _dataDir = Directory.CreateTempSubdirectory("bennbot-topiccrash-").FullName;
    private FakeBotApi _api = null!;
    /// <summary>Per resident: 0 not started, 1 in the dialogue, 2 pressed "send".</summary>
    private readonly int[] _stage = new int[Residents + 1];

    public async Task InitializeAsync() => _api = await new FakeBotApi(BotUnderTest.Token).Start();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    private static string T(string language, string key, params (string, object)[] args) => TestContent.Content.T(Languages.Find(language)!, key, args);
    private static string FirstLine(string text) => text.Split('\n')[0];
    private static string LanguageOf(int i) => Spoken[i % Spoken.Length];
    private static string WordsOf(int i) => $"Topic {i:D2}: the playground needs shade, please";
    private IReadOnlyList<ApiCall> CardsOf(int i) => _api.MessagesTo(StaffChat).Where(m => m.Text?.Contains(WordsOf(i)) == true).ToList();
    // A backlog of cards reaches the staff chat as digests, a button per topic (issue 19): the topic's number, which the
    // resident's thank-you names, says which button is theirs.
    private IReadOnlyList<ApiCall> DigestsWith(long topicId) => _api.MessagesTo(StaffChat).Where(m => m.ButtonData.Contains($"Ko:{topicId}")).ToList();
    private long? TopicIdOf(int i)
    {
        var lang = LanguageOf(i);
        var before = FirstLine(T(lang, "topic.thanks", ("id", "\u0001"))).Split("#\u0001")[0];
        return _api.MessagesTo(FirstResident + i).Select(m => m.Text!).Where(t => t.Contains(before + "#"))
            .Select(t => long.Parse(new string(t[(t.IndexOf(before + "#", StringComparison.Ordinal) + before.Length + 1)..].TakeWhile(char.IsAsciiDigit).ToArray())))
            .Cast<long?>().FirstOrDefault();
    }
    private int ReachedTeam(int i) => CardsOf(i).Count + (TopicIdOf(i) is { } id ? DigestsWith(id).Count : 0);
    private int ResidentsWithCard() => Enumerable.Range(1, Residents).Count(i => ReachedTeam(i) > 0);
    // Cards leave in lumps once they are bundled, so the kills follow the thank-yous, which leave one by one.
    private int ResidentsThanked() => Enumerable.Range(1, Residents).Count(i => TopicIdOf(i) is not null);

    /// <summary>One resident's dialogue, as a person taps through it: each step waits for the bot's question.</summary>
    private async Task Share(int i)
    {
        var me = FirstResident + i;
        var lang = LanguageOf(i);
        Volatile.Write(ref _stage[i], 1);
        _api.SendText(me, "/topic", lang);
        await _api.Received(me, T(lang, "topic.category"), Patience);
        _api.PressButton(me, "Nc:" + i % 10, lang);
        await _api.Received(me, FirstLine(T(lang, "topic.content")), Patience);
        _api.SendText(me, WordsOf(i), lang);
        await _api.Received(me, FirstLine(T(lang, "topic.area")), Patience);
        _api.PressButton(me, i % 2 == 0 ? "Na:hansa" : "Na:-", lang);
        await _api.Received(me, FirstLine(T(lang, "topic.privacy")), Patience);
        var before = _api.MessagesTo(me).Count;
        _api.PressButton(me, i % 3 == 0 ? "Np:1" : "Np:0", lang);
        // Any message after the press: a second copy of an earlier prompt, resent after a kill, may come after it.
        await _api.WaitFor(() => _api.MessagesTo(me).Skip(before).Any(m => m.ButtonData.Contains("Ny")) ? _api : null, Patience, $"the summary for {me}");
        _api.PressButton(me, "Ny", lang);
        Volatile.Write(ref _stage[i], 2);
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    private int InStage(int stage) => Enumerable.Range(1, Residents).Count(i => Volatile.Read(ref _stage[i]) == stage);

    [Fact]
    public async Task Killed_three_times_while_residents_send_topics_each_topic_is_stored_once_and_reaches_the_team_once_or_twice()
    {
        var dbPath = Path.Combine(_dataDir, "bennbot.db");
        var settings = new Dictionary<string, string>
        {
            ["BennBot__Telegram__Token"] = BotUnderTest.Token,
            ["BennBot__Telegram__ApiBaseUrl"] = _api.BaseUrl,
            ["BennBot__Storage__DatabasePath"] = dbPath,
            ["BennBot__Telegram__Workers"] = Workers.ToString(),
            ["BennBot__Staff__ChatId"] = StaffChat.ToString(),
            ["BennBot__Staff__UserIds__0"] = Staff.ToString(),
            ["BennBot__DefaultLanguage"] = "en",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        _api.SendLatency = TimeSpan.FromMilliseconds(60); // sends take a while, so that some are in flight at each kill

        var bot = new BotProcess(settings);
        var logs = new List<string>();
        try
        {
            // Residents start one after another, so that at any moment some are mid-dialogue and some are sending.
            var dialogues = Enumerable.Range(1, Residents).Select(i => Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(350 * i));
                await Share(i);
            })).ToList();

            var submitting = 0;
            for (var kill = 1; kill <= Kills; kill++)
            {
                var target = kill * Residents / (Kills + 1);
                await _api.WaitFor(() => ResidentsThanked() >= target ? _api : null, TimeSpan.FromSeconds(60), $"{target} thank-yous before kill {kill}");
                bot.Kill();
                var (thanked, cards) = (ResidentsThanked(), ResidentsWithCard());
                var sending = Enumerable.Range(1, Residents).Count(i => Volatile.Read(ref _stage[i]) == 2 && TopicIdOf(i) is null);
                output.WriteLine($"kill {kill}: {thanked} residents had their thank-you and {cards} topics had reached the staff chat, {sending} residents had "
                    + $"pressed send and no thank-you yet, {InStage(1)} were mid-dialogue");
                submitting += sending;
                Assert.True(thanked < Residents, $"kill {kill} came after every topic was in: nothing was tested");
                logs.Add(bot.Output);
                bot.Dispose();
                bot = new BotProcess(settings);
            }

            Assert.True(submitting > 0, "no kill landed while a topic was being submitted");
            await Task.WhenAll(dialogues); // everyone pressed "send"
            await _api.WaitFor(() => ResidentsWithCard() == Residents ? _api : null, Patience, "every topic card after the last restart");
            await _api.WaitFor(() => _api.UnconfirmedUpdates == 0 ? _api : null, Patience, "every update confirmed");
            await Task.Delay(2000); // a second copy or an update applied twice would show up now
        }
        finally
        {
            bot.Dispose(); // killed too: the database must open after that as well
            logs.Add(bot.Output);
        }

        using var db = new Database(dbPath);
        var topics = db.Read(d => TopicStore.Topics(d).FindAll().ToList());
        Assert.Equal(Enumerable.Range(1, Residents).Select(n => (long)n), topics.Select(t => t.Id).Order()); // #T1..#T36, none twice, none skipped
        var inbox = db.Read(d => d.GetCollection<InboxUpdate>(InboxUpdate.Collection).FindAll().ToList());
        Assert.Equal(Residents * 6, inbox.Count); // six updates each, every one saved once
        Assert.DoesNotContain(inbox, u => u.Status == InboxStatus.Parked);
        Assert.DoesNotContain(inbox, u => u.Status == InboxStatus.New);
        Assert.Equal(0, db.Read(d => Worker.Conversations.DialogueStore.Count(d, Worker.Conversations.DialogueKind.Topic)));
        Assert.Empty(db.Read(Worker.Conversations.Outbox.ChatsWithPending));

        int cardCopies = 0, residentCopies = 0, digested = 0;
        for (var i = 1; i <= Residents; i++)
        {
            var me = FirstResident + i;
            var lang = LanguageOf(i);
            var topic = Assert.Single(topics, t => t.SubmitterId == me);
            Assert.Equal(WordsOf(i), topic.Text);
            Assert.Equal(lang, topic.Language);
            var cards = CardsOf(i);
            Assert.All(cards, c => Assert.Contains($"#T{topic.Id} ", c.Text));
            var reached = cards.Count + DigestsWith(topic.Id).Count; // as its own card, or in a digest
            Assert.InRange(reached, 1, 2);
            digested += DigestsWith(topic.Id).Count;
            var thanks = FirstLine(T(lang, "topic.thanks", ("id", topic.Id)));
            var anyThanks = thanks[(thanks.IndexOf($"#{topic.Id}", StringComparison.Ordinal) + $"#{topic.Id}".Length)..]; // without the number
            var toMe = _api.MessagesTo(me);
            Assert.InRange(toMe.Count(m => m.Text!.Contains(thanks)), 1, 2);
            Assert.Equal(toMe.Count(m => m.Text!.Contains(anyThanks)), toMe.Count(m => m.Text!.Contains(thanks))); // no thank-you with another number
            residentCopies += toMe.GroupBy(m => m.Text).Sum(g => g.Count() - 1);
        }
        // A second copy is a message to the staff chat that repeats a topic an earlier message already carried: a card
        // sent again, or a digest composed again after a restart (one resent digest carries several topics but was one send).
        var seen = new HashSet<long>();
        foreach (var message in _api.MessagesTo(StaffChat))
        {
            var carried = topics.Select(t => t.Id).Where(id => message.Text?.Contains($"#T{id} ") == true || message.ButtonData.Contains($"Ko:{id}")).ToList();
            if (carried.Any(seen.Contains)) cardCopies++;
            seen.UnionWith(carried);
        }
        output.WriteLine($"{Residents} residents, {Kills} kills: {topics.Count} topics from {inbox.Count} updates; {digested} of them in digests; second copies: {cardCopies} topic cards or digests, "
            + $"{residentCopies} messages to residents (bound {Kills * Workers}); {logs.Sum(l => Count(l, "[1002]"))} update attempts failed and were retried "
            + "(log event 1002, e.g. a topic number taken in the same instant)");
        Assert.InRange(cardCopies + residentCopies, 0, Kills * Workers); // at most one send in flight per worker at each kill
    }
}
