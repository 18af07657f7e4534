using System.Text;
using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Privacy;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Conversations;

/// <summary>Issue 19: 👍/👎 under an answer counted every tap, so one resident could push an answer up or down the
/// staff's /feedback list alone. Now each resident counts once per answer.</summary>
public sealed class FeedbackTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-feedback-").FullName;
    private readonly Database _db;
    private readonly Conversation _conversation;

    public FeedbackTests()
    {
        _db = new Database(Path.Combine(_dir, "bennbot.db"));
        _conversation = new(TestContent.Content, TestContent.Index, Languages.German, new FakeTimeProvider(Now), _db);
    }

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task Tap(long resident, string data)
    {
        var incoming = new Incoming.Button(1, resident, resident, "en", data, "q");
        var outcome = _conversation.Handle(incoming, null);
        await _db.Write(d => OutcomeStore.Apply(d, incoming, outcome, Now));
    }

    private (int Helpful, int NotHelpful) Count(string entry) =>
        _db.Read(TeamStore.AllFeedback).SingleOrDefault(c => c.Id == entry) is { } c ? (c.Helpful, c.NotHelpful) : (0, 0);

    [Fact]
    public async Task Each_resident_counts_once_per_answer_and_can_change_their_mind()
    {
        for (var i = 0; i < 5; i++) await Tap(42, "f+:petition");
        Assert.Equal((1, 0), Count("petition"));

        await Tap(43, "f-:petition");
        await Tap(43, "f-:petition");
        Assert.Equal((1, 1), Count("petition"));

        await Tap(42, "f-:petition"); // 42 changes their vote: still one vote
        Assert.Equal((0, 2), Count("petition"));

        await Tap(42, "f+:ehrenamt"); // another answer counts on its own
        Assert.Equal((1, 0), Count("ehrenamt"));
    }

    [Fact]
    public async Task A_residents_votes_are_in_their_data_and_go_when_they_delete_it_while_the_counts_stay()
    {
        await Tap(42, "f+:petition");
        Assert.Contains("\"answer\": \"petition\"", Encoding.UTF8.GetString(_db.Read(d => MyDataExport.Build(d, 42))));

        await _db.Write(d => OutcomeStore.Forget(d, 42, Now));
        Assert.Empty(_db.Read(d => TeamStore.VotesOf(d, 42)));
        Assert.Equal((1, 0), Count("petition"));
        await Tap(42, "f+:petition"); // after a deletion they are a new resident
        Assert.Equal((2, 0), Count("petition"));
    }
}
