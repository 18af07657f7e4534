using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace BennBot.Tests.Posters;

/// <summary>A PDF as it would print: PdfPig reads the first page's filled paths (the poster draws its text as outlines
/// and its code as squares, so that is everything on it) and Skia paints them in their colours. Then ZXing reads the
/// code from the picture, as a phone would from the paper: the test decodes the file BennBot sent, not a separate
/// preview.</summary>
public static class PdfPicture
{
    public static SKBitmap Render(byte[] pdf, float dpi = 150)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var scale = dpi / 72;
        var bitmap = new SKBitmap((int)Math.Ceiling(page.Width * scale), (int)Math.Ceiling(page.Height * scale));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        canvas.Scale(scale, -scale);                 // PDF space has y going up from the bottom of the page
        canvas.Translate(0, -(float)page.Height);
        foreach (var path in page.Paths.Where(p => p.IsFilled && !p.IsClipping))
        {
            using var skia = new SKPath { FillType = path.FillingRule == FillingRule.EvenOdd ? SKPathFillType.EvenOdd : SKPathFillType.Winding };
            foreach (var command in path.SelectMany(s => s.Commands))
            {
                switch (command)
                {
                    case PdfSubpath.Move m: skia.MoveTo(P(m.Location)); break;
                    case PdfSubpath.Line l: skia.LineTo(P(l.To)); break;
                    case PdfSubpath.CubicBezierCurve c: skia.CubicTo(P(c.FirstControlPoint), P(c.SecondControlPoint), P(c.EndPoint)); break;
                    case PdfSubpath.QuadraticBezierCurve q: skia.QuadTo(P(q.ControlPoint), P(q.EndPoint)); break;
                    case PdfSubpath.Close: skia.Close(); break;
                }
            }
            var (r, g, b) = path.FillColor?.ToRGBValues() ?? (0, 0, 0);
            using var paint = new SKPaint { Color = new SKColor((byte)(r * 255), (byte)(g * 255), (byte)(b * 255)), IsAntialias = true };
            canvas.DrawPath(skia, paint);
        }
        return bitmap;
    }

    /// <summary>The text of the QR code in <paramref name="area"/> of the picture (all of it when null).</summary>
    public static string? Decode(SKBitmap bitmap, SKRectI? area = null)
    {
        var r = area ?? new SKRectI(0, 0, bitmap.Width, bitmap.Height);
        var luminance = new byte[r.Width * r.Height];
        for (var y = 0; y < r.Height; y++)
            for (var x = 0; x < r.Width; x++)
            {
                var p = bitmap.GetPixel(r.Left + x, r.Top + y);
                luminance[(y * r.Width) + x] = (byte)(((p.Red * 299) + (p.Green * 587) + (p.Blue * 114)) / 1000);
            }
        var source = new RGBLuminanceSource(luminance, r.Width, r.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }

    private static SKPoint P(PdfPoint p) => new((float)p.X, (float)p.Y);
}
