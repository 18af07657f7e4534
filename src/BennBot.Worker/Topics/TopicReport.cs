using System.Globalization;
using BennBot.Content;

namespace BennBot.Worker.Topics;

/// <summary>Counts for the team's overview. Hidden topics and topics merged into another are left out (a merged
/// topic counts in the one it was merged into). Keys: enum names for field, category and status (every value listed,
/// zero counts too, in enum order); area ids ("none" when not given), language codes and months ("yyyy-MM", UTC) only
/// those present, sorted ordinally, so months come oldest first.</summary>
public sealed record TopicStats(int Total,
    IReadOnlyList<(string Key, int Count)> ByField, IReadOnlyList<(string Key, int Count)> ByCategory,
    IReadOnlyList<(string Key, int Count)> ByArea, IReadOnlyList<(string Key, int Count)> ByLanguage,
    IReadOnlyList<(string Key, int Count)> ByStatus, IReadOnlyList<(string Key, int Count)> ByMonth);

/// <summary>Reports on empowerment topics for the team: counts, a bar chart and a CSV export. None of them carries
/// personal data: the submitter, followers and contact consent never leave the database this way.</summary>
public static class TopicReport
{
    /// <summary>The area key of a topic without an area.</summary>
    public const string NoArea = "none";

    /// <summary>Counts the topics that are neither hidden nor merged into another, per dimension.</summary>
    public static TopicStats Count(IEnumerable<Topic> topics)
    {
        var counted = topics.Where(t => !t.Hidden && t.MergedInto is null).ToList();
        return new TopicStats(counted.Count,
            ByEnum(counted, t => t.Field),
            ByEnum(counted, t => t.Category),
            ByKey(counted, t => t.Area ?? NoArea),
            ByKey(counted, t => t.Language),
            ByEnum(counted, t => t.Status),
            ByKey(counted, t => MonthOf(t.SubmittedAt)));
    }

    /// <summary>A bar chart as PNG (1000×700): the title on top, then one panel per dimension (category, field of
    /// action, status; area, language, the last 12 months), each a horizontal bar per key with its count at the bar's
    /// end. Every text comes from <paramref name="label"/>: <c>label(dimension, key)</c> with dimension one of
    /// "field", "category", "area", "language", "status", "month"; <c>label(dimension, "")</c> is the panel's heading
    /// (none when it returns an empty text). Arabic and Persian labels are shaped right-to-left, but a single line
    /// that mixes them with Latin or Cyrillic is not: keep such labels on a line of their own.</summary>
    /// <exception cref="TopicChartUnavailableException">The font (Debian's fonts-dejavu-core) or the native drawing
    /// library is missing: no chart can be drawn, and the caller should send the counts as text instead.</exception>
    public static byte[] Chart(TopicStats stats, string title, Func<string, string, string> label) =>
        TopicChart.Render(stats, title, label);

    /// <summary>The topics as CSV (UTF-8 with byte order mark, CRLF, RFC 4180): one row per topic that is not hidden,
    /// merged ones included, oldest first; with <paramref name="since"/> (UTC) only those submitted then or later.
    /// Columns: id, submitted (yyyy-MM-dd, UTC), month (yyyy-MM), then language, field, category, area and status each
    /// as a stable id column ("language_id": the code; "field_id", "category_id", "status_id": the lower-case names
    /// /topics filters take; "area_id": the area id or empty) beside its label in the staff's language from
    /// <paramref name="content"/> (without content, the label is the id); kind ("text" or "voice"), text (empty for
    /// voice), public_wording, supporters, merged_into (id or empty), response. A text that a spreadsheet would take
    /// for a formula (starting with = + - @, a tab or a CR) gets a leading apostrophe, and so does every ';'- or
    /// ','-separated part of a text that starts like one. Separated by ';' for German-speaking staff (their
    /// spreadsheets split at ';'), else by ','; no submitter, follower, contact consent or voice file id is written.</summary>
    public static byte[] Csv(IEnumerable<Topic> topics, DateTime? since = null, Language? staffLanguage = null, ContentSet? content = null)
    {
        var language = staffLanguage ?? Languages.English;
        var label = content is null ? (_, key) => key : Labels(content, language);
        return TopicCsv.Write(topics, since, TopicCsv.SeparatorFor(language), label);
    }

    /// <summary>The staff's words for a key of a dimension ("field", "category", "area", "language", "status", "month"),
    /// as /stats, its chart and the export show them; <c>(dimension, "")</c> is the dimension's heading.</summary>
    public static Func<string, string, string> Labels(ContentSet content, Language staff) => (dimension, key) =>
        key.Length == 0 ? content.T(staff, "staff.stats." + dimension) : dimension switch
        {
            "field" or "category" or "status" => content.T(staff, (dimension == "category" ? "cat." : dimension + ".") + key.ToLowerInvariant()),
            "area" => key == NoArea ? content.T(staff, "topic.noarea") : Events.EventCard.AreaName(content, staff, key),
            "language" => Languages.Find(key) is { } l ? content.T(l, "language.name") : key,
            _ => key,
        };

    /// <summary>The UTC month of an instant as "yyyy-MM".</summary>
    internal static string MonthOf(DateTime at) => Utc(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>An instant as UTC; one of unspecified kind is taken as UTC already (as the store keeps them).</summary>
    internal static DateTime Utc(DateTime at) => at.Kind == DateTimeKind.Local
        ? at.ToUniversalTime()
        : DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private static List<(string Key, int Count)> ByEnum<T>(List<Topic> topics, Func<Topic, T> key) where T : struct, Enum
    {
        var counts = topics.CountBy(key).ToDictionary();
        return [.. Enum.GetValues<T>().Select(v => (v.ToString(), counts.GetValueOrDefault(v)))];
    }

    private static List<(string Key, int Count)> ByKey(List<Topic> topics, Func<Topic, string> key) =>
        [.. topics.CountBy(key).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
}
