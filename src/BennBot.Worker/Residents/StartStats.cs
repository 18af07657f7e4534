using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;

namespace BennBot.Worker.Residents;

/// <summary>/stats' "How residents found BennBot" (issue 18): starts per way in (direct, then each link target) and area,
/// for the team's reports to the district. Counts only: nothing here can name a resident.</summary>
public static class StartStats
{
    private static readonly string[] Ways = [StartCount.Direct, .. Enum.GetNames<StartTarget>().Select(n => n.ToLowerInvariant())];

    /// <summary>The counts in all, and since the last report when staff marked one; the button marks a report today.</summary>
    public static SendText Render(ContentSet content, Language staff, IReadOnlyList<StartCount> counts, DateTime? markedOn = null)
    {
        var title = Html.Bold(Html.Escape(content.T(staff, "staff.found.title")));
        if (counts.Count == 0) return new SendText(title + "\n" + Html.Escape(content.T(staff, "staff.found.none")));
        var rows = counts
            .OrderBy(c => Array.IndexOf(Ways, c.Way) is var i and >= 0 ? i : Ways.Length).ThenBy(c => c.Area is not null).ThenBy(c => c.Area, StringComparer.Ordinal)
            .Select(c => Html.Escape(markedOn is { } day
                ? content.T(staff, "staff.found.rowsince", ("way", Way(content, staff, c)), ("date", BerlinTime.Day(day)), ("since", c.Starts - c.StartsAtMark),
                    ("sincenew", c.Newcomers - c.NewcomersAtMark), ("starts", c.Starts), ("new", c.Newcomers))
                : content.T(staff, "staff.found.row", ("way", Way(content, staff, c)), ("starts", c.Starts), ("new", c.Newcomers))));
        var text = title + "\n" + string.Join("\n", rows) + (markedOn is null ? "\n\n" + Html.Escape(content.T(staff, "staff.found.nomark")) : "");
        return new SendText(text, new([[new Button(content.T(staff, "staff.found.mark"), new ButtonAction.StaffMenu(StaffOp.MarkReport).Encode())]]));
    }

    /// <summary>A staff member marks today as the day of a report: the counts "since" start again from here.</summary>
    public static Outcome Mark(ContentSet content, Language staff, DateTime now)
    {
        var today = BerlinTime.ToLocal(now).Date;
        return new([new SendText(Html.Escape(content.T(staff, "staff.found.marked", ("date", BerlinTime.Day(today)))))]) { Effects = [new MarkStartsReported(today)] };
    }

    private static string Way(ContentSet content, Language staff, StartCount c)
    {
        var way = Ways.Contains(c.Way) ? content.T(staff, "staff.found." + c.Way) : c.Way;
        return c.Area is null ? way : $"{way} · {EventCard.AreaName(content, staff, c.Area)}";
    }
}
