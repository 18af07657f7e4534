using BennBot.Content;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Topics;

namespace BennBot.Worker.Conversations;

/// <summary>/start, with or without a deep link's payload (issue 18). Telegram sends "/start &lt;payload&gt;" when someone
/// opens <c>t.me/&lt;bot&gt;?start=&lt;payload&gt;</c>; the payload arrives as the command's arguments.</summary>
public sealed partial class Conversation
{
    private Outcome Start(Turn turn, string payload, DateTime now)
    {
        var newcomer = turn.Resident is null;
        // A payload BennBot did not write, or one whose target cannot open (an event that is a draft, cancelled or
        // over; topics without a staff chat), is a plain /start: the normal welcome, nothing else changes.
        if (StartPayload.Parse(payload, content) is not { } link || !Opens(link, now))
            return Counted(Welcome(turn, now), StartCount.Direct, null, newcomer);
        return Counted(Open(turn, link, now), link.Target.ToString().ToLowerInvariant(), link.Area, newcomer);
    }

    private static Outcome Counted(Outcome outcome, string way, string? area, bool newcomer) =>
        outcome with { Effects = [.. outcome.Effects, new CountStart(way, area, newcomer)] };

    private Outcome Welcome(Turn turn, DateTime now)
    {
        if (turn.Resident is { LanguageChosen: true } r)
            return new([turn.Say("greeting.back", turn.MainMenu())], Save: r.BlockedBot ? r with { BlockedBot = false } : null);
        return LanguageHandler.Picker(turn, "greeting.new") with { Save = turn.ResidentOrNew(now) };
    }

    private bool Opens(StartPayload link, DateTime now) => link.Target switch
    {
        StartTarget.Event => db.Read(d => EventStore.Find(d, link.EventId!.Value)) is { Status: EventStatus.Published } e && e.Next(now) is not null,
        StartTarget.Topic => _team.Reachable,
        _ => true,
    };

    /// <summary>The link's language for someone who has not chosen one (remembered as chosen); a chosen language wins.
    /// Then the target, in that language. The area only pre-selects the subscription and is not kept otherwise.</summary>
    private Outcome Open(Turn turn, StartPayload link, DateTime now)
    {
        var known = turn.Resident is { LanguageChosen: true };
        var resident = turn.ResidentOrNew(now) with { BlockedBot = false };
        if (!known && link.Language is { } chosen) resident = resident with { Language = chosen.Code, LanguageChosen = true };
        var at = turn with { Resident = resident, Language = Languages.Find(resident.Language) ?? turn.Language };
        IReadOnlyList<Reply> welcome = known ? []
            : link.Language is null ? LanguageHandler.Picker(at, "greeting.new").Replies
            : [at.Say("start.welcome", at.MainMenu())];
        var target = link.Target switch
        {
            StartTarget.Entry => _faq.Show(at, content.Entry(link.EntryId!)!),
            StartTarget.Event => _events.Show(at, link.EventId!.Value),
            StartTarget.Topic => Topics.Step(at, new FlowInput.Start()),
            StartTarget.Subscribe => Subscribe(at, link.Area, now),
            _ => known ? new([at.Say("greeting.back", at.MainMenu())]) : Outcome.Nothing,
        };
        return target with { Replies = [.. welcome, .. target.Replies], Save = target.Save ?? resident };
    }

    // Subscribing from a poster for one area: that area comes pre-selected (the resident can change it on the same
    // screen). Someone already subscribed keeps their own choices.
    private Outcome Subscribe(Turn turn, string? area, DateTime now)
    {
        if (area is null || turn.ResidentOrNew(now).Subscribed) return _events.Subscribe(turn);
        var chosen = _events.ChooseAreas(turn, area);
        return chosen with { Replies = [turn.Say("subscribe.done"), .. chosen.Replies] };
    }
}
