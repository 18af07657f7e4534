using BennBot.Content;
using BennBot.Worker.Broadcasts;

namespace BennBot.Worker.Events;

/// <summary>A segment as a short code for button data: "{areas}-{languages}", each a bit mask over
/// <see cref="Areas.Ids"/> and <see cref="Languages.All"/> (0: all). Fits easily in Telegram's 64 bytes.</summary>
public static class SegmentCodes
{
    public static string Encode(Segment s) => $"{Mask(Areas.Ids.ToList(), s.Areas)}-{Mask(Languages.All.Select(l => l.Code).ToList(), s.Languages)}";

    public static Segment? Decode(string? code)
    {
        if (code?.Split('-') is not [var a, var l] || !int.TryParse(a, out var areas) || !int.TryParse(l, out var languages)) return null;
        var areaIds = Areas.Ids.ToList();
        var codes = Languages.All.Select(x => x.Code).ToList();
        if (areas < 0 || areas >= 1 << areaIds.Count || languages < 0 || languages >= 1 << codes.Count) return null;
        return new Segment { Areas = Pick(areaIds, areas), Languages = Pick(codes, languages) };
    }

    private static int Mask(List<string> all, List<string> chosen) => chosen.Select(x => all.IndexOf(x)).Where(i => i >= 0).Aggregate(0, (m, i) => m | (1 << i));

    private static List<string> Pick(List<string> all, int mask) => all.Where((_, i) => (mask & (1 << i)) != 0).ToList();
}
