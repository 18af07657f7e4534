using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace BennBot.Worker.Topics;

/// <summary>No chart could be drawn: the font is not installed (Debian: fonts-dejavu-core) or SkiaSharp's native
/// library could not be loaded. Nothing else is wrong; the caller can report the counts as text.</summary>
public sealed class TopicChartUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);

/// <summary>Draws <see cref="TopicReport.Chart"/> with ScottPlot, headless: a title strip and a 3×2 grid of
/// horizontal bar panels on one Skia surface.</summary>
internal static class TopicChart
{
    /// <summary>The font used throughout: it covers Latin with umlauts, Cyrillic and Arabic. SkiaSharp's
    /// NoDependencies build finds it by scanning /usr/share/fonts (no fontconfig).</summary>
    public const string FontName = "DejaVu Sans";

    private const int Width = 1000, Height = 700, TitleHeight = 60, HeadingHeight = 30, Columns = 3, Rows = 2;
    private const int MaxMonths = 12, MaxLabelLength = 24;

    private static readonly Color BarColor = Color.FromHex("#2E6DA4");

    public static byte[] Render(TopicStats stats, string title, Func<string, string, string> label,
        string fontName = FontName)
    {
        try
        {
            return Draw(stats, title, label, fontName);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException
            or BadImageFormatException)
        {
            throw new TopicChartUnavailableException($"SkiaSharp could not be loaded: {e.Message}", e);
        }
    }

    private static byte[] Draw(TopicStats stats, string title, Func<string, string, string> label, string fontName)
    {
        using (var typeface = SKFontManager.Default.MatchFamily(fontName))
        {
            if (typeface is null)
                throw new TopicChartUnavailableException(
                    $"The font \"{fontName}\" is not installed (Debian: apt-get install fonts-dejavu-core).");
        }
        LabelStyle.RTLSupport = true;   // shape Arabic and Persian with HarfBuzz (a global switch of ScottPlot's)

        (string Dimension, IReadOnlyList<(string Key, int Count)> Counts)[] panels =
        [
            ("category", stats.ByCategory), ("field", stats.ByField), ("status", stats.ByStatus),
            ("area", stats.ByArea), ("language", stats.ByLanguage), ("month", stats.ByMonth.TakeLast(MaxMonths).ToList()),
        ];

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height))
            ?? throw new TopicChartUnavailableException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        DrawTitle(canvas, title, fontName);

        // Each cell: the heading centred on top, then the plot, drawn on a surface of its own and copied in (a plot
        // fills all of the canvas it is given).
        const int cellWidth = Width / Columns, cellHeight = (Height - TitleHeight) / Rows;
        for (var i = 0; i < panels.Length; i++)
        {
            var (dimension, counts) = panels[i];
            float left = i % Columns * cellWidth, top = TitleHeight + (i / Columns * cellHeight);
            DrawText(canvas, Shorten(label(dimension, "") ?? "", 40), fontName, 16,
                new Pixel(left + (cellWidth / 2f), top + (HeadingHeight / 2f)));
            using var cell = SKSurface.Create(new SKImageInfo(cellWidth, cellHeight - HeadingHeight))
                ?? throw new TopicChartUnavailableException("SkiaSharp could not create a drawing surface.");
            using var plot = Panel(dimension, counts, label, fontName);
            plot.Render(cell);
            canvas.DrawSurface(cell, left, top + HeadingHeight);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The title, centred in the strip above the panels: one line, or two (a line break in the title
    /// keeps, for example, an Arabic line apart from a German one).</summary>
    private static void DrawTitle(SKCanvas canvas, string title, string fontName)
    {
        var lines = title.ReplaceLineEndings("\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(2).Select(l => Shorten(l, 80)).ToList();
        DrawText(canvas, string.Join('\n', lines), fontName, lines.Count > 1 ? 20 : 24,
            new Pixel(Width / 2f, TitleHeight / 2f));
    }

    /// <summary>Text centred on a point, each line prepared for right-to-left shaping.</summary>
    private static void DrawText(SKCanvas canvas, string text, string fontName, float size, Pixel center)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var style = new LabelStyle
        {
            Text = string.Join('\n', text.Split('\n').Select(ChartBidi.Visual)),
            FontName = fontName,
            FontSize = size,
            ForeColor = Colors.Black,
            Alignment = Alignment.MiddleCenter,
        };
        using var paint = Paint.NewDisposablePaint();
        style.Render(canvas, center, paint);
    }

    /// <summary>One dimension: a bar per key, top to bottom in the given order, the count at each bar's end.</summary>
    private static Plot Panel(string dimension, IReadOnlyList<(string Key, int Count)> counts,
        Func<string, string, string> label, string fontName)
    {
        var plot = new Plot();

        var n = counts.Count;
        var ticks = new List<Tick>();
        var bars = new List<Bar>();
        for (var i = 0; i < n; i++)
        {
            var (key, count) = counts[i];
            double position = n - 1 - i;
            bars.Add(new Bar
            {
                Position = position,
                Value = count,
                Size = 0.7,
                FillColor = BarColor,
                LineWidth = 0,
                Label = count.ToString(CultureInfo.InvariantCulture),
            });
            ticks.Add(new Tick(position, ChartBidi.Visual(Shorten(label(dimension, key) ?? key, MaxLabelLength))));
        }

        if (n == 0)
        {
            ticks.Add(new Tick(0, "–"));
        }
        else
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            barPlot.ValueLabelStyle.FontSize = 13;
            barPlot.ValueLabelStyle.FontName = fontName;   // Font.Set below does not reach it in a plot's first render
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.IsVisible = false;
        plot.HideGrid();

        var max = counts.Count == 0 ? 1 : Math.Max(1, counts.Max(c => c.Count));
        plot.Axes.SetLimits(0, max * 1.2, -0.6, Math.Max(n, 1) - 0.4);
        plot.Font.Set(fontName);
        return plot;
    }

    /// <summary>One line of at most <paramref name="max"/> characters, cut with an ellipsis.</summary>
    private static string Shorten(string text, int max)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        if (text.Length <= max)
            return text;
        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..cut] + "…";
    }
}

/// <summary>Prepares a line of text for ScottPlot, whose shaping takes one direction for the whole line from its first
/// letter and has no bidi algorithm. A line that starts right-to-left (Arabic, Persian, Hebrew) is drawn reversed as a
/// whole, so the parts of it that read left-to-right, numbers such as "25.11.2026" or "(120)" and Latin words such as
/// "BENN 2026", are put in reverse here first and come out the right way round. This follows the Unicode bidi
/// algorithm for a right-to-left line, simplified (rules W4, W7, N0 for brackets, N1 and N2; no explicit marks). A
/// line that starts left-to-right is left as it is: right-to-left words in it come out unjoined and reversed, so keep
/// them on a line of their own.</summary>
internal static class ChartBidi
{
    private enum Kind { Neutral, RightToLeft, LeftToRight, Number, Separator }

    /// <summary>The line in the order that makes ScottPlot draw it right.</summary>
    public static string Visual(string line)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext())
            elements.Add(e.GetTextElement());
        var kinds = elements.Select(Classify).ToArray();
        if (Array.Find(kinds, k => k is Kind.LeftToRight or Kind.RightToLeft) != Kind.RightToLeft)
            return line;

        Resolve(elements, kinds);
        var result = new System.Text.StringBuilder(line.Length);
        for (var i = 0; i < elements.Count;)
        {
            if (kinds[i] is not (Kind.LeftToRight or Kind.Number))
            {
                result.Append(elements[i++]);
                continue;
            }
            var end = i;
            while (end + 1 < elements.Count && kinds[end + 1] is Kind.LeftToRight or Kind.Number)
                end++;
            for (var j = end; j >= i; j--)
                result.Append(Mirror(elements[j]));
            i = end + 1;
        }
        return result.ToString();
    }

    /// <summary>Leaves every element right-to-left, left-to-right or a number (the last two are drawn left to
    /// right), for a line whose own direction is right-to-left.</summary>
    private static void Resolve(List<string> elements, Kind[] kinds)
    {
        var n = kinds.Length;
        for (var i = 0; i < n; i++)   // W4: a single separator between two digits belongs to the number
        {
            if (kinds[i] == Kind.Separator)
                kinds[i] = i > 0 && i < n - 1 && kinds[i - 1] == Kind.Number && kinds[i + 1] == Kind.Number
                    ? Kind.Number : Kind.Neutral;
        }
        var strong = Kind.RightToLeft;   // W7: a number after left-to-right text is part of it
        for (var i = 0; i < n; i++)
        {
            if (kinds[i] is Kind.LeftToRight or Kind.RightToLeft)
                strong = kinds[i];
            else if (kinds[i] == Kind.Number && strong == Kind.LeftToRight)
                kinds[i] = Kind.LeftToRight;
        }
        ResolveBrackets(elements, kinds);
        for (var i = 0; i < n;)   // N1, N2: neutrals between two left-to-right parts are left-to-right
        {
            if (kinds[i] != Kind.Neutral)
            {
                i++;
                continue;
            }
            var end = i;
            while (end + 1 < n && kinds[end + 1] == Kind.Neutral)
                end++;
            var ltr = i > 0 && kinds[i - 1] == Kind.LeftToRight && end + 1 < n && kinds[end + 1] == Kind.LeftToRight;
            for (var j = i; j <= end; j++)
                kinds[j] = ltr ? Kind.LeftToRight : Kind.RightToLeft;
            i = end + 1;
        }
    }

    /// <summary>N0: a bracket pair around left-to-right text only, after left-to-right text, is left-to-right; one
    /// around right-to-left text or a number is right-to-left.</summary>
    private static void ResolveBrackets(List<string> elements, Kind[] kinds)
    {
        var open = new Stack<int>();
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is "(" or "[" or "{")
            {
                open.Push(i);
                continue;
            }
            if (elements[i] is not (")" or "]" or "}") || !open.TryPop(out var o))
                continue;
            var inside = kinds[(o + 1)..i];
            Kind? direction = inside.Any(k => k is Kind.RightToLeft or Kind.Number) ? Kind.RightToLeft
                : inside.Contains(Kind.LeftToRight)
                    ? (Array.FindLast(kinds[..o], k => k is Kind.LeftToRight or Kind.RightToLeft or Kind.Number)
                        == Kind.LeftToRight ? Kind.LeftToRight : Kind.RightToLeft)
                    : null;
            if (direction is { } d)
                kinds[o] = kinds[i] = d;
        }
    }

    private static Kind Classify(string element)
    {
        var c = element[0];
        if (char.IsDigit(c))
            return Kind.Number;
        if (c is '.' or ',' or ':' or '/' or '-' or '+')
            return Kind.Separator;
        if (!char.IsLetter(element, 0))
            return Kind.Neutral;
        return c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF')
            ? Kind.RightToLeft : Kind.LeftToRight;
    }

    /// <summary>Brackets in a reversed part are swapped, since the shaper mirrors them again in a right-to-left
    /// line.</summary>
    private static string Mirror(string element) => element switch
    {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        _ => element,
    };
}
