using System.Text.RegularExpressions;
using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>Many accounts writing to the team at once (issue 19): the staff chat takes 20 messages a minute, and staff
/// must still get their answers at once and be able to answer every resident.</summary>
public sealed class StaffChatFloodTests(ITestOutputHelper output)
{
    private const long StaffChat = -100500, Staff = 900;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private static string T(string key, params (string, object)[] args) => TestContent.Content.T(Languages.Find("en")!, key, args);

    [Fact]
    public async Task Staff_commands_are_answered_at_once_while_45_residents_ask_together_and_the_backlog_arrives_as_one_digest_whose_items_can_be_answered()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        api.Limits = new RateLimits(); // Telegram's limits with real 429s: 30 a second, 20 a minute to one group
        var residents = Enumerable.Range(0, 45).Select(i => 7100L + i).ToList();
        foreach (var r in residents) api.PressButton(r, "a", "en");
        foreach (var r in residents) await api.WaitForMessages(r, 1, TimeSpan.FromSeconds(60));
        // The first digest is refused once with a 429, as Telegram may do whatever the bot counts: it comes again, and
        // every question still reaches the staff chat exactly once.
        api.FailMatching(c => c.ChatId == StaffChat && c.ButtonData.Any(d => d.StartsWith("Qo:")), 429, "Too Many Requests: retry after 5", times: 1);
        var asked = residents.ToDictionary(r => api.SendText(r, $"Is there a room for group {r}?", "en"), r => r); // question id → resident
        var db = bot.Services.GetRequiredService<Database>();
        await api.WaitFor(() => db.Read(d => d.GetCollection<TeamQuestion>(TeamQuestion.Collection).Count()) == asked.Count ? api : null, TimeSpan.FromSeconds(60), "45 questions");

        var sentAt = DateTimeOffset.UtcNow;
        api.Push("message", FakeUpdates.Message(Staff, "en", "/topics", StaffChat, "supergroup"));
        var reply = await api.Received(StaffChat, T("staff.topics.none"), TimeSpan.FromSeconds(180));
        var latency = reply.At - sentAt;
        var cardsBefore = api.MessagesTo(StaffChat).Count(m => m.At < reply.At);
        output.WriteLine($"/topics answered after {latency.TotalSeconds:F1} s; {cardsBefore} messages reached the staff chat before it");
        Assert.True(latency < TimeSpan.FromSeconds(10), $"/topics was answered after {latency.TotalSeconds:F1} s");

        // Every question reaches the staff chat: as its own card, or (the backlog) as a line and a button in a digest.
        // Only what the staff chat really got: a digest refused with a 429 (the bot sends it again) is not a second copy.
        List<long> Cards() => api.DeliveredMessagesTo(StaffChat).Select(m => Regex.Match(m.Text!, @"\n#Q(\d+)$")).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value)).ToList();
        List<ApiCall> Digests() => api.DeliveredMessagesTo(StaffChat).Where(m => m.ButtonData.Any(d => d.StartsWith("Qo:"))).ToList();
        List<long> Bundled() => Digests().SelectMany(m => m.ButtonData).Where(d => d.StartsWith("Qo:")).Select(d => long.Parse(d[3..])).ToList();
        await api.WaitFor(() => Cards().Count + Bundled().Count >= asked.Count ? api : null, TimeSpan.FromSeconds(120), "every question in the staff chat");
        var toStaff = api.DeliveredMessagesTo(StaffChat);
        output.WriteLine($"Staff chat: {toStaff.Count} messages: {Cards().Count} cards, {Digests().Count} digests with {Bundled().Count} questions; {api.TooManyRequestsAnswered} 429s in all chats");
        Assert.Equal(asked.Keys.Order(), Cards().Concat(Bundled()).Order());
        Assert.True(toStaff.Count <= 20, $"{toStaff.Count} messages to the staff chat");
        var digest = Digests()[^1];
        Assert.StartsWith("📥", digest.Text);

        // A question from the digest: one tap shows its card, and a reply to the card reaches the resident who asked.
        var question = long.Parse(digest.ButtonData.Last(d => d.StartsWith("Qo:"))[3..]);
        await api.Press(StaffChat, Staff, $"Qo:{question}", language: "en");
        var card = await api.WaitFor(() => api.MessagesTo(StaffChat).LastOrDefault(m => m.Text!.EndsWith($"#Q{question}") && m.At > digest.At), what: "the card opened from the digest");
        await api.Reply(StaffChat, Staff, "Yes, the room on Langhansstraße is free on Mondays.", card);
        await api.Received(asked[question], "Langhansstraße");
        Assert.DoesNotContain(residents.Where(r => r != asked[question]), r => api.MessagesTo(r).Any(m => m.Text!.Contains("Langhansstraße")));
    }
}
