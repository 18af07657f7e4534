using BennBot.Worker.Events;

namespace BennBot.Tests.Events;

public sealed class BerlinTimeTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void Local_time_follows_summer_and_winter_time()
    {
        var summer = BerlinTime.ToLocal(Utc(2026, 7, 1, 10, 0));
        Assert.Equal(new DateTime(2026, 7, 1, 12, 0, 0), summer);
        Assert.Equal(DateTimeKind.Unspecified, summer.Kind);
        Assert.Equal(new DateTime(2026, 1, 15, 11, 0, 0), BerlinTime.ToLocal(Utc(2026, 1, 15, 10, 0)));
        Assert.Equal(Utc(2026, 1, 15, 10, 0), BerlinTime.ToUtc(new DateTime(2026, 1, 15, 11, 0, 0)));
    }

    [Fact]
    public void A_time_in_the_spring_gap_is_shifted_forward_and_one_in_the_autumn_overlap_is_the_earlier_instant()
    {
        // 2026-03-29 02:30 does not exist: it becomes 03:30 CEST = 01:30 UTC.
        var gap = BerlinTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0));
        Assert.Equal(Utc(2026, 3, 29, 1, 30), gap);
        Assert.Equal(DateTimeKind.Utc, gap.Kind);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), BerlinTime.ToLocal(gap));
        // 2026-10-25 02:30 happens twice: the summer-time one (CEST, +02:00) is taken.
        Assert.Equal(Utc(2026, 10, 25, 0, 30), BerlinTime.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0)));
    }

    [Theory]
    [InlineData("24.12.2026 18:00")]
    [InlineData("24.12.2026 18.00")]
    [InlineData("24.12.26 18:00")]
    [InlineData("2026-12-24 18:00")]
    [InlineData("24.12. 18:00")]
    [InlineData("  24.12.2026   18:00 ")]
    [InlineData("24.12.2026, 18:00")]
    [InlineData("24.12.2026 18 Uhr")]
    [InlineData("24.12. 18:00 Uhr")]
    public void Staff_dates_in_the_usual_spellings_are_read(string text)
    {
        var parsed = BerlinTime.ParseLocal(text, Now);
        Assert.Equal(new DateTime(2026, 12, 24, 18, 0, 0), parsed);
        Assert.Equal(DateTimeKind.Unspecified, parsed!.Value.Kind);
    }

    [Theory]
    [InlineData("20.11. 10:00", 2027, 11, 20)] // already past this year
    [InlineData("25.11. 08:00", 2026, 11, 25)] // today is not in the past, even at an earlier hour
    [InlineData("1.1. 9:30", 2027, 1, 1)]
    [InlineData("29.02. 10:00", 2028, 2, 29)] // the next leap year
    public void A_date_without_year_is_the_next_one_not_in_the_past(string text, int year, int month, int day)
    {
        var parsed = BerlinTime.ParseLocal(text, Now);
        Assert.Equal(new DateTime(year, month, day), parsed!.Value.Date);
    }

    [Theory]
    [InlineData("31.02.2026 10:00")]
    [InlineData("29.02.2026 10:00")]
    [InlineData("tomorrow")]
    [InlineData("25:00")]
    [InlineData("24.12.2026 25:00")]
    [InlineData("24.12.2026 18:60")]
    [InlineData("24.12.2026")]
    [InlineData("13.13.2026 10:00")]
    [InlineData("2026-12-24")]
    [InlineData("٢٤.١٢.٢٠٢٦ ١٨:٠٠")]
    [InlineData("")]
    public void Anything_else_is_not_a_date(string text) => Assert.Null(BerlinTime.ParseLocal(text, Now));

    [Theory]
    [InlineData("19:30", 19, 30)]
    [InlineData("19.30", 19, 30)]
    [InlineData(" 7:05 ", 7, 5)]
    [InlineData("00:00", 0, 0)]
    [InlineData("21 Uhr", 21, 0)] // a fresh-eyes tester typed this and was told the end must be after the start
    [InlineData("21h", 21, 0)]
    [InlineData("19:30 uhr", 19, 30)]
    public void An_end_time_alone_is_read(string text, int hour, int minute) =>
        Assert.Equal(new TimeSpan(hour, minute, 0), BerlinTime.ParseTime(text));

    [Theory]
    [InlineData("24:00")]
    [InlineData("25:00")]
    [InlineData("19:60")]
    [InlineData("1930")]
    [InlineData("19:30 Uhr morgen")]
    [InlineData("21")]
    [InlineData("25 Uhr")]
    [InlineData("24.12.2026 18:00")]
    public void Anything_else_is_not_a_time(string text) => Assert.Null(BerlinTime.ParseTime(text));
}
