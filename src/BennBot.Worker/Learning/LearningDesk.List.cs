using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Learning;

/// <summary>/examples [entry=ID] [lang=CODE]: the learned examples, newest last, each with a 🗑 button to remove it.</summary>
public sealed partial class LearningDesk
{
    private const int MaxListed = 15; // with the lines shortened, one message stays under Telegram's 4096 characters

    /// <summary>/examples for staff; null when the command is not this one or the sender is not staff.</summary>
    public Outcome? Command(Turn turn, Incoming.Command command)
    {
        if (command.Name != "examples" || !staff.IsStaff(turn.In.UserId)) return null;
        string? target = null, language = null;
        foreach (var part in command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.Split('=', 2))
            {
                case ["entry", var e] when content.Entry(e) is not null || e is QuestionIndex.LegalTarget or QuestionIndex.OtherTarget: target = e; break;
                case ["lang", var l] when Languages.Find(l) is { } found: language = found.Code; break;
                default: return Say("learn.usage");
            }
        }
        var examples = db.Read(d => LearningStore.Matching(d, target, language));
        if (examples.Count == 0) return Say("learn.none");
        var shown = examples.TakeLast(MaxListed).ToList();
        var lines = shown.Select((e, i) => $"{i + 1}. [{e.Language}] {Html.Escape(TextCut.Shorten(TargetName(e.Target), 40))}: {Html.Escape(TextCut.Shorten(e.Text, 150))}");
        var buttons = shown.Select((e, i) => new Button($"🗑 {i + 1}", new LearnButton.Forget(e.Id).Encode()));
        var head = Html.Escape(T("learn.list", ("count", examples.Count)));
        return new([new SendText(head + "\n\n" + string.Join("\n", lines), new Keyboard(Keyboard.Grid(buttons, 5)))]);
    }

    public Outcome Forget(Turn turn, long exampleId)
    {
        if (Refused(turn) is { } refused) return refused;
        if (db.Read(d => LearningStore.Find(d, exampleId)) is null) return Say("learn.gone");
        return new([Text("learn.removed")]) { Effects = [new ForgetExample(exampleId)] };
    }
}
