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
    public void An_event_poster_gives_date_and_time_in_digits_and_the_weekday_in_every_chosen_language_inside_the_page()
    {
        foreach (var languages in new[] { RightToLeftAndCyrillic, [.. Languages.All] })
        {
            var spec = PosterSpec.For(new(null, null, StartTarget.Event, EventId: 7), languages, Bot, TestContent.Content, Kiezcafe, Now);
            var lines = PosterPage.Layout(spec).Lines;
            Assert.Contains(lines, l => l.Text == "12.12.2026 · 15:00–17:00");   // Berlin time, digits read the same in every script
            Assert.Contains(lines, l => l.Text == Kiezcafe.Place);
            foreach (var language in languages)
            {
                var saturday = EventFacts.Weekday(TestContent.Content, language, DayOfWeek.Saturday);
                var line = Assert.Single(lines, l => l.Text.Split(" · ").Contains(saturday));
                Assert.True(line.X >= PosterPage.Margin - 0.5 && line.X + line.Width <= PosterPage.Width - PosterPage.Margin + 0.5 && line.Size >= 10,
                    $"{language.Code}: '{line.Text}' runs from {line.X} to {line.X + line.Width} at {line.Size} pt");
                // Arabic and Farsi weekdays share a line, never one with left-to-right names (each line has one direction).
                Assert.All(lines.Where(l => l == line).SelectMany(l => l.Text.Split(" · ")),
                    day => Assert.Equal(language.IsRightToLeft, languages.Any(o => o.IsRightToLeft && EventFacts.Weekday(TestContent.Content, o, DayOfWeek.Saturday) == day)));
            }
        }
        Assert.Equal("Samstag", EventFacts.Weekday(TestContent.Content, Languages.German, DayOfWeek.Saturday));
        Assert.Equal("Sunday", EventFacts.Weekday(TestContent.Content, Languages.English, DayOfWeek.Sunday));
    }

    [Fact]
    public void The_handouts_are_four_a6_posters_on_one_a4_sheet_with_cut_lines_and_each_code_reads_back()
    {
        var spec = PosterSpec.For(new(null, "hansa", StartTarget.Subscribe), RightToLeftAndCyrillic, Bot, TestContent.Content);
        var pdf = PosterPage.Pdf(spec, Paper.FourA6);
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Matches(@"/MediaBox \[0 0 595\.\d+ 841\.\d+\]", text);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(text, @"/Type /Page\b"));

        using var picture = PdfPicture.Render(pdf, dpi: 200);
        int w = picture.Width / 2, h = picture.Height / 2;
        foreach (var (x, y) in new[] { (0, 0), (w, 0), (0, h), (w, h) })
            Assert.Equal(spec.Link, PdfPicture.Decode(picture, new SKRectI(x, y, x + w, y + h)));

        // The cut lines: dashes down the middle and across (Skia writes each dash as a piece of a path), so the sheet
        // can be cut into four.
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var pieces = document.GetPage(1).Paths.SelectMany(p => p).Select(s => s.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>().ToList();
        var down = pieces.Where(r => r.Width < 2 && Math.Abs(r.Centroid.X - (PosterPage.Width / 2)) < 1).ToList();
        var across = pieces.Where(r => r.Height < 2 && Math.Abs(r.Centroid.Y - (PosterPage.Height / 2)) < 1).ToList();
        Assert.True(down.Count >= 20 && down.Min(r => r.Bottom) < 20 && down.Max(r => r.Top) > PosterPage.Height - 20, $"{down.Count} dashes down");
        Assert.True(across.Count >= 20 && across.Min(r => r.Left) < 20 && across.Max(r => r.Right) > PosterPage.Width - 20, $"{across.Count} dashes across");
    }

    [Fact]
    public void The_poster_pdf_is_small_enough_to_mail_and_its_code_reads_back_from_the_pdf_itself()
    {
        var spec = PosterSpec.For(new(null, "hansa", StartTarget.Event, EventId: 7), [.. Languages.All], Bot, TestContent.Content, Kiezcafe, Now);
        var pdf = PosterPage.Pdf(spec, Paper.A4);
        // Skia embedded both DejaVu fonts whole (748 KB); the text drawn as outlines needs no font in the file (this
        // poster, the fullest there is, measured 232 KB; three languages without an event about a tenth of 748 KB).
        Assert.True(pdf.Length < 300_000, $"{pdf.Length} bytes");
        using var picture = PdfPicture.Render(pdf);
        Assert.Equal(spec.Link, PdfPicture.Decode(picture));
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
