using BennBot.Content;
using BennBot.Worker.Broadcasts;

namespace BennBot.Worker.Events;

/// <summary>A segment as a short code for button data: "{areas}-{languages}", each a bit mask (0: all) in which every
/// area and language has its own fixed bit (<see cref="Areas.Named"/>, <see cref="Language.ButtonBit"/>), not its
/// position in the list: a "send" button already in a chat reaches the same residents after a language or an area is
/// added anywhere in the lists (issue 14). The bits are the positions the lists had when masks were introduced, so
/// buttons sent before keep their meaning too. Fits easily in Telegram's 64 bytes.</summary>
public static class SegmentCodes
{
    public static string Encode(Segment s) => Encode(s, Languages.All);

    public static string Encode(Segment s, IReadOnlyList<Language> languages) => $"{Mask(Areas.Bits, s.Areas)}-{Mask(Of(languages), s.Languages)}";

    public static Segment? Decode(string? code) => Decode(code, Languages.All);

    /// <summary>The segment a button names, or null when a bit names no area or language.</summary>
    public static Segment? Decode(string? code, IReadOnlyList<Language> languages)
    {
        if (code?.Split('-') is not [var a, var l] || !int.TryParse(a, out var areas) || !int.TryParse(l, out var langs)) return null;
        return Pick(Areas.Bits, areas) is { } areaIds && Pick(Of(languages), langs) is { } codes ? new Segment { Areas = areaIds, Languages = codes } : null;
    }

    public static int Mask(IEnumerable<(string Code, int Bit)> all, IEnumerable<string> chosen) =>
        all.Where(x => chosen.Contains(x.Code)).Aggregate(0, (m, x) => m | (1 << x.Bit));

    /// <summary>The codes whose bits are set, in the list's order; null when a set bit names nothing.</summary>
    public static List<string>? Pick(IEnumerable<(string Code, int Bit)> all, int mask)
    {
        var known = all.ToList();
        if (mask < 0 || known.Aggregate(mask, (rest, x) => rest & ~(1 << x.Bit)) != 0) return null;
        return known.Where(x => (mask & (1 << x.Bit)) != 0).Select(x => x.Code).ToList();
    }

    private static IEnumerable<(string, int)> Of(IReadOnlyList<Language> languages) => languages.Select(l => (l.Code, l.ButtonBit));
}
