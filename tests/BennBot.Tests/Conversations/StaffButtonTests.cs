using BennBot.Content;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Learning;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Conversations;

/// <summary>Issue 14: the team's buttons pass one staff check in the router. A resident who presses one (forged, or
/// forwarded from a staff member) hears the answer that button always gave, and nothing is stored or sent anywhere.</summary>
public sealed class StaffButtonTests : IDisposable
{
    private const long Resident = 4242, StaffMember = 900, StaffChat = -100500;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly TempDatabase _temp = new();
    private readonly Database _db;
    private readonly Conversation _conversation;
    private long _update;

    public StaffButtonTests()
    {
        _db = _temp.Db;
        _conversation = new Conversation(TestContent.Content, TestContent.Index, Languages.German, _time, _db, new StaffSettings([StaffMember], StaffChat));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_resident_pressing_any_of_the_teams_buttons_is_answered_kindly_and_nothing_changes()
    {
        await Press(StaffMember, new ButtonAction.StaffMenu(StaffOp.NewEvent)); // an event draft the buttons could act on
        ButtonAction[] expired = [new ButtonAction.Desk(DeskOp.Open, 1), new ButtonAction.Desk(DeskOp.Delete, 1), new ButtonAction.Control(BroadcastOp.Cancel, 1),
            new ButtonAction.Review(ReviewOp.Hide, 1), new ButtonAction.OpenQuestion(1)];
        ButtonAction[] teams = [new ButtonAction.StaffMenu(StaffOp.Desk), new ButtonAction.StaffMenu(StaffOp.Poster), new ButtonAction.PosterEvents(),
            new ButtonAction.VoiceDesk(VoiceOp.Table), new LearnButton.About(1), new LearnButton.ChooseCategory(1, TestContent.Content.Categories.First()), new LearnButton.Teach(1, QuestionIndex.OtherTarget),
            new LearnButton.Confirm(1), new LearnButton.Cancel(1), new LearnButton.Forget(1)];

        foreach (var (buttons, key) in new[] { (expired, "button.expired"), (teams, "staff.only") })
            foreach (var button in buttons)
            {
                var outcome = await Press(Resident, button);
                Assert.Empty(outcome.Effects);
                Assert.Null(outcome.Save);
                Assert.Equal([Html.Escape(TestContent.Content.T(Languages.English, key))], outcome.Replies.OfType<SendText>().Select(r => r.Html));
            }
        Assert.Equal(EventStatus.Draft, _db.Read(d => EventStore.Find(d, 1))!.Status);

        // Staff pass the same check.
        var desk = await Press(StaffMember, new ButtonAction.Desk(DeskOp.Open, 1));
        Assert.Contains(desk.Effects, e => e is SaveDialogue { Dialogue: Dialogue.Desk });
    }

    private async Task<Outcome> Press(long user, ButtonAction action)
    {
        Incoming incoming = new Incoming.Button(++_update, user, user, "en", action.Encode(), "q" + _update);
        var outcome = _conversation.Handle(incoming, _db.Read(d => ResidentStore.Find(d, incoming.UserId)));
        await _db.Write(d => OutcomeStore.Apply(d, incoming, outcome, _time.GetUtcNow().UtcDateTime));
        return outcome;
    }
}
