using BennBot.Content;
using BennBot.Worker.Events;
using BennBot.Worker.Posters;
using BennBot.Worker.Residents;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace BennBot.Tests.Posters;

public sealed class PosterPageTests
{
    private const string Bot = "BennBot_bot";
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Language[] RightToLeftAndCyrillic = [Languages.Arabic, Languages.Farsi, Languages.Ukrainian];

    // A long title in each script, so that fitting it to the page is tested, not assumed.
    private static readonly Event Kiezcafe = new()
    {
        Id = 7, Status = EventStatus.Published, Area = "hansa", Place = "Nachbarschaftshaus Hansastraße 142, 13088 Berlin",
        StartUtc = new DateTime(2026, 12, 12, 14, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 12, 12, 16, 0, 0, DateTimeKind.Utc),
        Title = new()
        {
            ["de"] = "Kiezcafé mit Beratung zu Anträgen, Nachbarschaftsfonds und Beteiligung im Bezirk Pankow",
            ["ar"] = "مقهى الحي مع استشارة حول الطلبات وصندوق الجوار والمشاركة في منطقة بانكوف",
            ["fa"] = "کافه محله با مشاوره درباره درخواست‌ها، صندوق همسایگی و مشارکت در منطقه پانکوف",
            ["uk"] = "Кафе для сусідів з консультаціями щодо заяв, сусідського фонду та участі в районі Панков",
        },
    };

    public static TheoryData<string> Payloads() => ["ahansa", "lar_ahansa_s", "fpetition", "e7", "t"];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void The_poster_code_reads_back_as_exactly_the_deep_link(string payload)
    {
        var start = StartPayload.Parse(payload, TestContent.Content)!;
        var languages = start.Language is { } one ? [one] : RightToLeftAndCyrillic;
        var spec = PosterSpec.For(start, languages, Bot, TestContent.Content, start.Target == StartTarget.Event ? Kiezcafe : null, Now);

        Assert.Equal("https://t.me/BennBot_bot?start=" + payload, spec.Link);
        Assert.Equal(spec.Link, Decode(PosterPage.Png(spec)));
        Assert.Contains(PosterPage.Layout(spec).Lines, l => l.Text == spec.Link);   // for those who cannot scan
    }

    [Fact]
    public void Every_line_of_an_arabic_farsi_and_ukrainian_event_poster_stays_inside_the_page()
    {
        foreach (var languages in RightToLeftAndCyrillic.Select(l => new[] { l }).Append(RightToLeftAndCyrillic).Append([.. Languages.All]))
        {
            var spec = PosterSpec.For(new(null, null, StartTarget.Event, EventId: 7), languages, Bot, TestContent.Content, Kiezcafe, Now);
            var layout = PosterPage.Layout(spec);
            Assert.True(layout.Qr.Width >= PosterPage.MinQr, $"the code is {layout.Qr.Width} pt wide");   // 7 cm on A4
            foreach (var line in layout.Lines)
            {
                Assert.True(line.X >= PosterPage.Margin - 0.5 && line.X + line.Width <= PosterPage.Width - PosterPage.Margin + 0.5,
                    $"{string.Join(",", languages.Select(l => l.Code))}: '{line.Text}' runs from {line.X} to {line.X + line.Width}");
                Assert.InRange(line.Baseline, PosterPage.Margin, PosterPage.Height - PosterPage.Margin);
                Assert.True(line.Size >= 10, $"'{line.Text}' is set in {line.Size} pt");   // 5 pt on the A6 handout
                // Nothing drawn over the code.
                Assert.True(line.Baseline + (line.Size * 0.3) < layout.Qr.Top || line.Baseline - line.Size > layout.Qr.Bottom, $"'{line.Text}' runs into the code");
            }
            // Lines do not run into each other (a line shrunk or broken to fit still gets its room).
            foreach (var (above, below) in layout.Lines.OrderBy(l => l.Baseline).Zip(layout.Lines.OrderBy(l => l.Baseline).Skip(1)))
                Assert.True(below.Baseline - above.Baseline >= below.Size * 1.15, $"'{below.Text}' runs into '{above.Text}'");
            var all = string.Join(" ", layout.Lines.Select(l => l.Text));
            Assert.All(languages, l => Assert.Contains(TestContent.Content.T(l, "poster.scan"), all));
            Assert.All(languages.Where(l => Kiezcafe.Title.ContainsKey(l.Code)), l => Assert.Contains(Kiezcafe.Title[l.Code], all));

            // And on the picture itself: no ink in the outer half of the margin, all round.
            using var bitmap = SKBitmap.Decode(PosterPage.Png(spec, dpi: 72));
            var band = (int)(PosterPage.Margin / 2);
            for (var y = 0; y < bitmap.Height; y++)
                for (var x = 0; x < bitmap.Width; x++)
                    if (x < band || x >= bitmap.Width - band || y < band || y >= bitmap.Height - band)
                        Assert.True(bitmap.GetPixel(x, y).Red > 200, $"{string.Join(",", languages.Select(l => l.Code))}: ink at {x},{y}");
        }
    }

    [Fact]
    public void The_arabic_line_is_shaped_into_joined_letters_with_the_latin_name_left_to_right()
    {
        var spec = PosterSpec.For(new(null, null, StartTarget.Home), [Languages.Arabic, Languages.Farsi], Bot, TestContent.Content);
        using var typeface = SKFontManager.Default.MatchFamily(PosterPage.FontName);
        using var font = new SKFont(typeface, 20);
        foreach (var language in new[] { Languages.Arabic, Languages.Farsi })
        {
            var text = TestContent.Content.T(language, "poster.scan");
            var line = PosterPage.Layout(spec).Lines.Single(l => l.Text == text);
            var drawn = PosterPage.Glyphs(line);
            // Unshaped, each letter would be its nominal (isolated) glyph from the font's character map.
            var nominal = font.GetGlyphs(text).ToHashSet();
            var joined = drawn.Count(g => !nominal.Contains(g));
            Assert.True(joined >= 10, $"{language}: only {joined} of {drawn.Length} glyphs are joining forms");
            // The Latin name inside stays readable: its letters in order, left to right.
            var name = font.GetGlyphs("BennBot");
            Assert.Contains(string.Join(",", name), string.Join(",", drawn));
            // The line reads right to left: its first word is drawn at the right end.
            var firstWord = text.Split(' ')[0];
            Assert.EndsWith(string.Join(",", Shaped(typeface, firstWord)), string.Join(",", drawn));
        }
    }

    [Fact]
    public void Every_glyph_the_eight_languages_need_is_in_the_poster_font()
    {
        using var typeface = SKFontManager.Default.MatchFamily(PosterPage.FontName);
        foreach (var language in Languages.All)
        {
            var text = TestContent.Content.T(language, "poster.scan").Replace("\u200C", "");   // ZWNJ only steers joining
            Assert.True(typeface.ContainsGlyphs(text), $"{language}: {string.Concat(text.Where(c => !typeface.ContainsGlyphs(c.ToString())))}");
        }
    }

    [Fact]
    public void The_a6_handout_is_a_one_page_pdf_of_a6_size()
    {
        var spec = PosterSpec.For(new(null, "hansa", StartTarget.Subscribe), RightToLeftAndCyrillic, Bot, TestContent.Content);
        var a4 = System.Text.Encoding.Latin1.GetString(PosterPage.Pdf(spec, Paper.A4));
        var a6 = System.Text.Encoding.Latin1.GetString(PosterPage.Pdf(spec, Paper.A6));
        Assert.StartsWith("%PDF-", a4);
        Assert.Matches(@"/MediaBox \[0 0 595\.\d+ 841\.\d+\]", a4);
        Assert.Matches(@"/MediaBox \[0 0 297\.\d+ 420\.\d+\]", a6);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(a6, @"/Type /Page\b"));
    }

    private static ushort[] Shaped(SKTypeface typeface, string text)
    {
        using var shaper = new SkiaSharp.HarfBuzz.SKShaper(typeface);
        using var font = new SKFont(typeface, 20);
        return [.. shaper.Shape(text, font).Codepoints.Select(g => (ushort)g)];
    }

    /// <summary>Reads the QR code back from the picture, as a phone would.</summary>
    private static string? Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var luminance = bitmap.Pixels.Select(p => (byte)((p.Red * 299 + p.Green * 587 + p.Blue * 114) / 1000)).ToArray();
        var source = new RGBLuminanceSource(luminance, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }
}
