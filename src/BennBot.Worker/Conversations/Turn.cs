using BennBot.Content;
using BennBot.Worker.Residents;

namespace BennBot.Worker.Conversations;

/// <summary>One update being handled: who, in which language, and the helpers to say things in that language
/// (right-to-left languages marked line by line, see <see cref="Bidi"/>).</summary>
public sealed record Turn(Incoming In, Resident? Resident, Language Language, ContentSet Content, bool TeamReachable = false, bool Staff = false)
{
    /// <summary>The bot that handles this update (the poster desk writes its deep links with the username).</summary>
    public BotIdentity Bot { get; init; } = BotIdentity.Unknown;

    /// <summary>A UI text, escaped for HTML.</summary>
    public string T(string key, params (string, object)[] args) => Html.Escape(Content.T(Language, key, args));

    public SendText Text(string html, Keyboard? keyboard = null) => new(Directed(html), keyboard);

    public SendText Say(string key, Keyboard? keyboard = null) => Text(T(key), keyboard);

    public Button Button(string label, ButtonAction action) => new(Directed(label), action.Encode());

    public Button ButtonFor(string key, ButtonAction action) => Button(Content.T(Language, key), action);

    /// <summary>"Ask the BENN team" (only when a staff chat is configured) and the main menu.</summary>
    public IReadOnlyList<Button> AskTeamAndMenu() => TeamReachable
        ? [ButtonFor("button.askteam", new ButtonAction.AskTeam()), ButtonFor("button.menu", new ButtonAction.Menu())]
        : [ButtonFor("button.menu", new ButtonAction.Menu())];

    /// <summary>What anyone but staff hears from a staff action (a forged or forwarded button, a typed team command):
    /// kindly, nothing changes.</summary>
    public SendText StaffOnly() => Say(In is Incoming.Command ? "staff.only.command" : "staff.only", MainMenu());

    public Keyboard MenuOnly() => new([[ButtonFor("button.menu", new ButtonAction.Menu())]]);

    /// <summary>The resident menu. Topics need the staff chat (that is where they go): without one the row is not shown
    /// rather than answering "not switched on" (issue 13). Staff get a first row that opens their own menu.</summary>
    public Keyboard MainMenu() => new([
        .. Staff ? [[ButtonFor("staff.menu.button", new ButtonAction.StaffMenu(StaffOp.Menu))]] : Array.Empty<IReadOnlyList<Button>>(),
        [ButtonFor("menu.takepart", new ButtonAction.Topics())],
        .. TeamReachable ? [[ButtonFor("menu.topics", new ButtonAction.TopicsMenu())]] : Array.Empty<IReadOnlyList<Button>>(),
        [ButtonFor("menu.events", new ButtonAction.Events())],
        // One tap to subscribe; once subscribed, the same row leads to the choices and to unsubscribing.
        [Resident?.Subscribed == true ? ButtonFor("menu.subscription", new ButtonAction.Subscription()) : ButtonFor("subscribe.button", new ButtonAction.Subscribe())],
        [ButtonFor("menu.ask", new ButtonAction.AskHint())],
        [ButtonFor("menu.guide", new ButtonAction.Guide())],
        [ButtonFor("menu.language", new ButtonAction.ChooseLanguage()), ButtonFor("menu.privacy", new ButtonAction.Privacy())],
        [ButtonFor("menu.help", new ButtonAction.Help())],
    ]);

    /// <summary>The resident record with this turn's language, created on first contact.</summary>
    public Resident ResidentOrNew(DateTime now) =>
        Resident ?? new Resident { Id = In.UserId, Language = Language.Code, FirstSeen = now.Date, LastSeen = now.Date };

    private string Directed(string text) => Bidi.Direct(Language, text);
}
