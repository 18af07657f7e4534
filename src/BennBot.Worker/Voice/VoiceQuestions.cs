using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;

namespace BennBot.Worker.Voice;

/// <summary>Questions by voice (issue 15, item 4): a resident's voice message outside a topic is not an error. They are
/// asked, in their language, whether it should go to the team as a question; only a "yes" sends it, with the same
/// limits as a typed question. Right after "Ask the BENN team" it goes at once, like a typed question.</summary>
public sealed class VoiceQuestions(TeamHandler team, Database db)
{
    /// <summary>A voice message outside any other dialogue; <paramref name="asking"/>: the chat is asking the team
    /// (<see cref="Dialogue.AskingTeam"/>), so it goes at once.</summary>
    public Outcome Heard(Turn turn, Incoming.Voice voice, DateTime now, bool asking)
    {
        if (!team.Reachable) return new([turn.Say("topic.voicehint", turn.MainMenu())]);
        if (team.OpenQuestionsOf(turn.In.UserId).Count >= TeamHandler.MaxOpenQuestions) return new([turn.Say("askteam.limit", turn.MainMenu())]);
        var (fileId, seconds) = (voice.FileId, voice.Seconds);
        if (asking) return team.ForwardVoice(turn, now, fileId, seconds, new DropVoiceOffer(turn.In.UserId));
        var keys = new Keyboard([
            [turn.ButtonFor("voice.send", new ButtonAction.VoiceSend())],
            [turn.ButtonFor("voice.drop", new ButtonAction.VoiceDrop())],
            [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
        ]);
        return new([turn.Say("voice.offer", keys)], Save: turn.Resident is null ? turn.ResidentOrNew(now) : null)
        {
            Effects = [new OfferVoice(turn.In.UserId, fileId, seconds)],
        };
    }

    /// <summary>"Yes, send it": the offered voice message (the resident's own, found by their id) goes to the team.</summary>
    public Outcome Send(Turn turn, DateTime now)
    {
        var offer = db.Read(d => VoiceStore.Offer(d, turn.In.UserId));
        if (offer is null || now - offer.OfferedAt > VoiceStore.OfferKept)
            return new([turn.Say("voice.gone", turn.MainMenu())]) { Effects = offer is null ? [] : [new DropVoiceOffer(turn.In.UserId)] };
        if (!team.Reachable) return new([turn.Say("askteam.unavailable", turn.MainMenu())]);
        if (team.OpenQuestionsOf(turn.In.UserId).Count >= TeamHandler.MaxOpenQuestions) return new([turn.Say("askteam.limit", turn.MainMenu())]);
        return team.ForwardVoice(turn, now, offer.FileId, offer.Seconds, new DropVoiceOffer(turn.In.UserId));
    }

    public static Outcome Drop(Turn turn) => new([turn.Say("voice.dropped", turn.MainMenu())]) { Effects = [new DropVoiceOffer(turn.In.UserId)] };
}
