using System.Globalization;
using BennBot.Content;
using BennBot.Worker.Events;

namespace BennBot.Worker.Topics;

/// <summary>The filters of /topics: status, category, area, language and period, plus the page. Hidden topics and
/// merged duplicates are listed too (marked), so that the team can find and undo.</summary>
public sealed record TopicFilter(TopicStatus? Status, TopicCategory? Category, string? Area, string? Language, DateTime? Since, DateTime? Until, int Page)
{
    /// <summary>Null when a token is not understood (the caller then shows the usage).</summary>
    public static TopicFilter? Parse(string args)
    {
        var f = new TopicFilter(null, null, null, null, null, null, 1);
        foreach (var token in args.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Split('=', 2) is not [var key, var value]) return null;
            switch (key.ToLowerInvariant())
            {
                case "status" when Enum.TryParse<TopicStatus>(value, true, out var s): f = f with { Status = s }; break;
                case "category" when Enum.TryParse<TopicCategory>(value, true, out var c): f = f with { Category = c }; break;
                case "area" when Areas.IsKnown(value): f = f with { Area = value }; break;
                case "lang" or "language" when Languages.Find(value) is { } l: f = f with { Language = l.Code }; break;
                case "since" when Day(value) is { } d: f = f with { Since = d }; break;
                case "until" when Day(value) is { } d: f = f with { Until = d.AddDays(1) }; break;
                case "page" when int.TryParse(value, out var p) && p > 0: f = f with { Page = p }; break;
                default: return null;
            }
        }
        return f;
    }

    public bool Matches(Topic t) =>
        (Status is null || t.Status == Status) && (Category is null || t.Category == Category) && (Area is null || t.Area == Area)
        && (Language is null || t.Language == Language) && (Since is null || t.SubmittedAt >= Since) && (Until is null || t.SubmittedAt < Until);

    private static DateTime? Day(string s) =>
        DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
