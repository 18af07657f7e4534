using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;

namespace BennBot.Worker.Residents;

/// <summary>/stats' "How residents found BennBot" (issue 18): starts per way in (direct, then each link target) and area,
/// for the team's reports to the district. Counts only: nothing here can name a resident.</summary>
public static class StartStats
{
    private static readonly string[] Ways = [StartCount.Direct, .. Enum.GetNames<StartTarget>().Select(n => n.ToLowerInvariant())];

    public static SendText Render(ContentSet content, Language staff, IReadOnlyList<StartCount> counts)
    {
        var title = Html.Bold(Html.Escape(content.T(staff, "staff.found.title")));
        if (counts.Count == 0) return new SendText(title + "\n" + Html.Escape(content.T(staff, "staff.found.none")));
        var rows = counts
            .OrderBy(c => Array.IndexOf(Ways, c.Way) is var i and >= 0 ? i : Ways.Length).ThenBy(c => c.Area is not null).ThenBy(c => c.Area, StringComparer.Ordinal)
            .Select(c => Html.Escape(content.T(staff, "staff.found.row", ("way", Way(content, staff, c)), ("starts", c.Starts), ("new", c.Newcomers))));
        return new SendText(title + "\n" + string.Join("\n", rows));
    }

    private static string Way(ContentSet content, Language staff, StartCount c)
    {
        var way = Ways.Contains(c.Way) ? content.T(staff, "staff.found." + c.Way) : c.Way;
        return c.Area is null ? way : $"{way} · {EventCard.AreaName(content, staff, c.Area)}";
    }
}
