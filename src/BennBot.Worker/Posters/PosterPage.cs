using BennBot.Worker.Topics;
using QRCoder;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace BennBot.Worker.Posters;

/// <summary>A4: the poster. FourA6: an A4 sheet with four A6 handouts (the poster at half size, twice over each way)
/// and dashed cut lines, because office printers take A4, not A6.</summary>
public enum Paper { A4, FourA6 }

/// <summary>The poster's font is not installed (issue 18): staff and the command line say so and how to fix it, instead
/// of a generic error or boxes for letters.</summary>
public sealed class PosterFontMissingException(string font)
    : Exception($"The poster needs the font \"{font}\", which is not installed here (Debian/Ubuntu: apt-get install {Package}; the Dockerfile and .ci/run install it).")
{
    public const string Package = "fonts-dejavu-core";
    public string Font => font;
}

/// <summary>One line of text as laid out on the A4 page (points, origin top left): <see cref="Visual"/> is what is
/// shaped (right-to-left lines with their left-to-right parts turned, see <see cref="ChartBidi"/>).</summary>
public sealed record PosterLine(string Text, string Visual, float Size, bool Bold, float X, float Baseline, float Width);

/// <summary>The poster laid out on A4 (points); A6 is the same page at half the size.</summary>
public sealed record PosterLayout(IReadOnlyList<PosterLine> Lines, SKRect Qr, IReadOnlyList<System.Collections.BitArray> Modules);

/// <summary>Draws a <see cref="PosterSpec"/> with SkiaSharp, shaping every line with HarfBuzz as the /stats chart's
/// labels are (DejaVu Sans, fonts-dejavu-core: Latin, Cyrillic, Arabic and Persian). The PDF is written by Skia's own
/// PDF backend from the same drawing, so text and code stay vector and sharp at any print size; the PNG (for a
/// preview and for tests) is the same drawing rasterised. Text is drawn as the glyphs' outlines, not as text: this
/// build of Skia embeds the whole font in a PDF (no subsetting; 748 KB for DejaVu Sans and its bold), outlines make the
/// PDF about a tenth of that and print the same.</summary>
public static class PosterPage
{
    public const float Width = 595.28f, Height = 841.89f, Margin = 36;
    public const string FontName = TopicChart.FontName;
    private const float Gap = 14, MinSize = 9;

    /// <summary>The code is at least this wide (7 cm) if smaller text can make room for it.</summary>
    public const float MinQr = 200;

    /// <summary>The layout; with much text (eight languages and an event's long titles) the text is set smaller, a
    /// tenth at a time down to 60 %, until the code gets <see cref="MinQr"/>.</summary>
    /// <exception cref="PosterFontMissingException">The font is not installed.</exception>
    public static PosterLayout Layout(PosterSpec spec, string fontName = FontName)
    {
        using var fonts = new Fonts(fontName);
        var layout = Layout(spec, 1f, fonts);
        for (var scale = 0.9f; layout.Qr.Width < MinQr && scale > 0.55f; scale -= 0.1f)
            layout = Layout(spec, scale, fonts);
        return layout;
    }

    private static PosterLayout Layout(PosterSpec spec, float scale, Fonts fonts)
    {
        var lines = new List<PosterLine>();
        var y = Margin;
        void Add(string text, float size, bool bold, float spacing = 1.3f)
        {
            foreach (var line in Fit(fonts, text, size, bold))
            {
                lines.Add(line with { Baseline = y + line.Size });
                y += line.Size * spacing;
            }
        }
        Add("BennBot", 46, true, 1.2f);
        Add(spec.BotName, 18, false, 1.6f);
        if (spec.Event is { } ev)
        {
            foreach (var title in ev.Titles) Add(title.Text, 22 * scale, true);
            Add(ev.When, 20 * scale, true, 1.25f);
            foreach (var days in ev.Weekdays) Add(days, 18 * scale, false);
            if (ev.Place is { } place) Add(place, 18 * scale, false);
        }
        var top = y + Gap;

        // From the bottom up: the link as text, then one line per language; the code takes the room between.
        var bottom = new List<PosterLine>();
        var by = Height - Margin;
        void AddAbove(string text, float size, float spacing)
        {
            foreach (var line in Fit(fonts, text, size, false).Reverse())
            {
                bottom.Add(line with { Baseline = by });
                by -= line.Size * spacing;
            }
        }
        AddAbove(spec.Link, 14, 2.2f);
        foreach (var scan in spec.Scan.Reverse()) AddAbove(scan.Text, 20 * scale, 1.5f);
        var room = by - top - Gap;
        var qrSize = Math.Min(Width - (2 * Margin) - 80, room);
        var qr = SKRect.Create((Width - qrSize) / 2, top + ((room - qrSize) / 2), qrSize, qrSize);
        lines.AddRange(bottom.AsEnumerable().Reverse());

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(spec.Link, QRCodeGenerator.ECCLevel.Q);   // quiet zone included; Q: a quarter may be torn or dirty
        return new(lines, qr, data.ModuleMatrix);
    }

    /// <summary>The glyphs a line is drawn with, as HarfBuzz shaped them (left to right as they stand on the page).</summary>
    public static ushort[] Glyphs(PosterLine line)
    {
        using var fonts = new Fonts(FontName);
        return fonts.Shape(line).Glyphs;
    }

    /// <exception cref="PosterFontMissingException">The font is not installed.</exception>
    public static byte[] Pdf(PosterSpec spec, Paper paper, string fontName = FontName)
    {
        var layout = Layout(spec, fontName);
        using var fonts = new Fonts(fontName);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata { Title = "BennBot", Creator = "BennBot", RasterDpi = 300 };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(Width, Height);
            if (paper == Paper.A4) Draw(canvas, layout, fonts);
            else FourA6(canvas, layout, fonts);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>A6 is A4 halved twice: the poster at half size fills a quarter of the sheet exactly. Each handout keeps
    /// half the poster's margin (6 mm) on every side, more than an office printer's unprintable edge.</summary>
    private static void FourA6(SKCanvas canvas, PosterLayout layout, Fonts fonts)
    {
        for (var i = 0; i < 4; i++)
        {
            canvas.Save();
            canvas.Translate(i % 2 * Width / 2, i / 2 * Height / 2);
            canvas.Scale(0.5f);
            Draw(canvas, layout, fonts, clear: i == 0);
            canvas.Restore();
        }
        using var cut = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, PathEffect = SKPathEffect.CreateDash([6, 4], 0) };
        canvas.DrawLine(Width / 2, 0, Width / 2, Height, cut);
        canvas.DrawLine(0, Height / 2, Width, Height / 2, cut);
    }

    /// <summary>The A4 page as a PNG, <paramref name="dpi"/> pixels an inch.</summary>
    public static byte[] Png(PosterSpec spec, float dpi = 150, string fontName = FontName)
    {
        var layout = Layout(spec, fontName);
        using var fonts = new Fonts(fontName);
        var scale = dpi / 72;
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Ceiling(Width * scale), (int)Math.Ceiling(Height * scale)))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        surface.Canvas.Scale(scale);
        Draw(surface.Canvas, layout, fonts);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Draw(SKCanvas canvas, PosterLayout layout, Fonts fonts, bool clear = true)
    {
        if (clear) canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        // Each line as the outlines of the glyphs HarfBuzz shaped (see the class comment): one path a line.
        foreach (var line in layout.Lines)
        {
            var (glyphs, points) = fonts.Shape(line);
            using var font = new SKFont(fonts.Of(line.Bold).Typeface, line.Size);
            using var text = new SKPath();
            for (var i = 0; i < glyphs.Length; i++)
            {
                using var outline = font.GetGlyphPath(glyphs[i]);
                if (outline is not null) text.AddPath(outline, line.X + points[i].X, line.Baseline + points[i].Y);
            }
            canvas.DrawPath(text, ink);
        }

        // One path for all dark modules: no hairline seams between neighbouring squares in a PDF viewer.
        var modules = layout.Modules;
        var cell = layout.Qr.Width / modules.Count;
        using var path = new SKPath();
        for (var row = 0; row < modules.Count; row++)
            for (var col = 0; col < modules[row].Count; col++)
                if (modules[row][col]) path.AddRect(SKRect.Create(layout.Qr.Left + (col * cell), layout.Qr.Top + (row * cell), cell, cell));
        using var square = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawPath(path, square);
    }

    /// <summary>The text centred, at <paramref name="size"/> or down to four fifths of it to fit between the margins;
    /// longer, it is broken between words into as many lines as it needs (measured from HarfBuzz's shaping, the same
    /// that draws it). Baselines are set by the caller.</summary>
    private static IEnumerable<PosterLine> Fit(Fonts fonts, string text, float size, bool bold)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        var room = Width - (2 * Margin);
        var width = fonts.Measure(ChartBidi.Visual(text), size, bold);
        if (width > room) size = Math.Max(size * 0.8f, size * room / width);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var current = "";
        foreach (var word in words)
        {
            var longer = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && fonts.Measure(ChartBidi.Visual(longer), size, bold) > room)
            {
                yield return Line(fonts, current, size, bold);
                current = word;
            }
            else current = longer;
        }
        if (current.Length > 0) yield return Line(fonts, current, size, bold);
    }

    /// <summary>One line centred; a single word wider than the page (a long link) is set smaller until it fits.</summary>
    private static PosterLine Line(Fonts fonts, string text, float size, bool bold)
    {
        var visual = ChartBidi.Visual(text);
        var room = Width - (2 * Margin);
        var width = fonts.Measure(visual, size, bold);
        while (width > room && size > MinSize)
        {
            size = Math.Max(MinSize, size * Math.Min(0.95f, room / width));
            width = fonts.Measure(visual, size, bold);
        }
        return new(text, visual, size, bold, (Width - width) / 2, 0, width);
    }

    /// <summary>DejaVu Sans regular and bold with their shapers; SkiaSharp's NoDependencies build finds them in
    /// /usr/share/fonts.</summary>
    private sealed class Fonts : IDisposable
    {
        private readonly SKTypeface _regular, _bold;
        private readonly SKShaper _regularShaper, _boldShaper;

        public Fonts(string family)
        {
            _regular = Match(family, SKFontStyle.Normal);
            _bold = Match(family, SKFontStyle.Bold);
            _regularShaper = new SKShaper(_regular);
            _boldShaper = new SKShaper(_bold);
        }

        public (SKShaper Shaper, SKTypeface Typeface) Of(bool bold) => bold ? (_boldShaper, _bold) : (_regularShaper, _regular);

        public (ushort[] Glyphs, SKPoint[] Points) Shape(PosterLine line)
        {
            var (shaper, typeface) = Of(line.Bold);
            using var font = new SKFont(typeface, line.Size);
            var result = shaper.Shape(line.Visual, font);
            return (result.Codepoints.Select(g => (ushort)g).ToArray(), result.Points);
        }

        public float Measure(string visual, float size, bool bold)
        {
            var (shaper, typeface) = Of(bold);
            using var font = new SKFont(typeface, size);
            return shaper.Shape(visual, font).Width;
        }

        private static SKTypeface Match(string family, SKFontStyle style) =>
            SKFontManager.Default.MatchFamily(family, style) is { } typeface && typeface.FamilyName == family ? typeface
                : throw new PosterFontMissingException(family);

        public void Dispose()
        {
            _regularShaper.Dispose();
            _boldShaper.Dispose();
            _regular.Dispose();
            _bold.Dispose();
        }
    }
}
