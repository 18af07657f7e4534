using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.TimeZones;

namespace BennBot.Worker.Events;

/// <summary>Europe/Berlin wall-clock time, via NodaTime's tzdb (independent of the machine's time zone). Local
/// times are <see cref="DateTimeKind.Unspecified"/> DateTimes; a UTC argument of another kind is read as follows:
/// <see cref="DateTimeKind.Local"/> is converted with the machine's zone, <see cref="DateTimeKind.Unspecified"/> is
/// taken as UTC.</summary>
public static partial class BerlinTime
{
    internal const string ZoneId = "Europe/Berlin";

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb[ZoneId];

    public static DateTime ToLocal(DateTime utc) =>
        Instant.FromDateTimeUtc(AsUtc(utc)).InZone(Zone).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>Berlin wall-clock → UTC. In the spring-forward gap the time is shifted forward by the gap (02:30 →
    /// 03:30 local); in the autumn overlap the earlier (summer-time) instant is taken.</summary>
    public static DateTime ToUtc(DateTime local) =>
        LocalDateTime.FromDateTime(local).InZone(Zone, Resolvers.LenientResolver).ToDateTimeUtc();

    /// <summary>Parses staff input like "24.12.2026 18:00", "24.12.2026 18.00", "24.12.26 18:00", "2026-12-24 18:00"
    /// or "24.12. 18:00". Without a year it is the next such date that is not before today in Berlin (29.02. waits
    /// for a leap year). Null for anything else, including impossible dates; the result is Berlin local time.</summary>
    public static DateTime? ParseLocal(string text, DateTime nowUtc)
    {
        var input = text.Trim();
        if (IsoDateTime().Match(input) is { Success: true } iso)
            return Local(Number(iso, "y"), Number(iso, "mo"), Number(iso, "d"), Number(iso, "h"), Number(iso, "mi"));
        if (GermanDateTime().Match(input) is not { Success: true } m) return null;
        var (day, month, hour, minute) = (Number(m, "d"), Number(m, "mo"), Number(m, "h"), Number(m, "mi"));
        var year = m.Groups["y"].Value;
        if (year.Length > 0) return Local(year.Length == 2 ? 2000 + Number(m, "y") : Number(m, "y"), month, day, hour, minute);

        var today = ToLocal(nowUtc).Date;
        for (var y = today.Year; y <= today.Year + 8; y++)
            if (Local(y, month, day, hour, minute) is { } candidate && candidate.Date >= today) return candidate;
        return null;
    }

    /// <summary>A day as people read it in every language here (05.12.2026); files for machines keep ISO dates.</summary>
    public static string Day(DateTime day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A day and time as people read them (05.12.2026 18:00), of a Berlin local time.</summary>
    public static string DayAndTime(DateTime local) => local.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Parses just a time, "19:30" or "19.30" (an end time on the same day); null otherwise.</summary>
    public static TimeSpan? ParseTime(string text) =>
        TimeOnly().Match(text.Trim()) is { Success: true } m && Number(m, "h") <= 23 && Number(m, "mi") <= 59
            ? new TimeSpan(Number(m, "h"), Number(m, "mi"), 0)
            : null;

    internal static DateTime AsUtc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };

    private static DateTime? Local(int year, int month, int day, int hour, int minute) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour <= 23 && minute <= 59
            ? new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified)
            : null;

    private static int Number(Match m, string group) => m.Groups[group].Value is { Length: > 0 } v ? int.Parse(v, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:\s+|T)(?<h>[0-9]{1,2})[:.](?<mi>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\.(?<mo>[0-9]{1,2})\.(?<y>[0-9]{4}|[0-9]{2})?,?\s+(?<h>[0-9]{1,2})(?:[:.](?<mi>[0-9]{2})(?:\s*uhr)?|\s*uhr)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex GermanDateTime();

    // "19:30", "19.30", "19:30 Uhr", "19 Uhr", "19h" (as staff type it).
    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:(?:[:.](?<mi>[0-9]{2}))(?:\s*uhr)?|\s*uhr|h)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeOnly();
}
