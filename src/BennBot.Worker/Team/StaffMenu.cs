using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Team;

/// <summary>The team's own help and menu, in the staff language (issue 13: staff /help listed no staff command and
/// staff saw only the resident menu). Only what is switched on is offered: topics and residents' questions need the
/// staff chat. A menu button runs the command of the same name, so it is checked like that command.</summary>
public sealed class StaffMenu(StaffSettings staff, Language staffLanguage, ContentSet content)
{
    public Outcome Help(Turn turn)
    {
        var parts = new List<string> { T("staff.help.intro"), T("staff.help.events") + "\n" + T("staff.help.poster") };
        parts.AddRange(staff.ChatId is null ? [T("staff.help.feedback"), T("staff.help.off")] : [T("staff.help.topics"), T("staff.help.questions"), T("staff.help.examples"), T("staff.help.feedback")]);
        return new([new SendText(Html.Escape(string.Join("\n\n", parts)), Keys(turn))]);
    }

    public Outcome Menu(Turn turn) => new([new SendText(Html.Escape(T("staff.menu.title")), Keys(turn))]);

    /// <summary>The staff command a menu button stands for; null for the buttons that only show a menu.</summary>
    public static string? CommandOf(StaffOp op) => op switch
    {
        StaffOp.Desk => "desk",
        StaffOp.NewEvent => "newevent",
        StaffOp.Topics => "topics",
        StaffOp.Unanswered => "unanswered",
        StaffOp.Stats => "stats",
        StaffOp.Export => "export",
        _ => null,
    };

    private Keyboard Keys(Turn turn)
    {
        var rows = new List<IReadOnlyList<Button>> { new[] { B("staff.b.desk", StaffOp.Desk), B("staff.b.newevent", StaffOp.NewEvent) }, new[] { B("staff.b.poster", StaffOp.Poster), B("staff.b.voice", StaffOp.Voice) } };
        if (staff.ChatId is not null)
        {
            rows.Add([B("staff.b.topics", StaffOp.Topics), B("staff.b.unanswered", StaffOp.Unanswered)]);
            rows.Add([B("staff.b.stats", StaffOp.Stats), B("staff.b.export", StaffOp.Export)]);
        }
        if (!turn.In.InStaffChat) rows.Add([B("staff.b.resident", StaffOp.Resident)]); // the group has no resident menu
        return new(rows);
    }

    private Button B(string key, StaffOp op) => new(T(key), new ButtonAction.StaffMenu(op).Encode());

    private string T(string key) => content.T(staffLanguage, key);
}
