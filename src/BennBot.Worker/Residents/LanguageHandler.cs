using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Residents;

/// <summary>The one-tap language picker; each language is offered in its own name and script.</summary>
public static class LanguageHandler
{
    public static Outcome Picker(Turn turn, string promptKey = "language.prompt")
    {
        var buttons = Keyboard.Grid(Languages.All.Select(l => new Button(turn.Content.T(l, "language.name"), new ButtonAction.SetLanguage(l).Encode())));
        return new([turn.Say(promptKey, new Keyboard(buttons))]);
    }

    public static Outcome Set(Turn turn, Language language, DateTime now)
    {
        var saved = turn.ResidentOrNew(now) with { Language = language.Code, LanguageChosen = true, BlockedBot = false };
        var next = turn with { Language = language, Resident = saved };
        return new([next.Text($"{next.T("language.set")}\n\n{next.T("menu.title")}", next.MainMenu())], Save: saved);
    }
}
