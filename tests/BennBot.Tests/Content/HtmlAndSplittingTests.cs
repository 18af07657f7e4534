using BennBot.Content;

namespace BennBot.Tests.Content;

public sealed class HtmlAndSplittingTests
{
    [Fact]
    public void Residents_text_with_markup_is_escaped_to_literal_text()
    {
        var escaped = Html.Escape("<a href=\"x\">click</a> & <b>");
        Assert.Equal("&lt;a href=&quot;x&quot;&gt;click&lt;/a&gt; &amp; &lt;b&gt;", escaped);
        Assert.Equal("<a href=\"x\">click</a> & <b>", Html.ToPlain(escaped));
    }

    [Fact]
    public void A_short_message_stays_whole()
    {
        Assert.Equal(["<b>Hi</b>\nthere"], TextSplitter.Split("<b>Hi</b>\nthere"));
    }

    [Fact]
    public void A_long_message_is_split_at_line_breaks_into_parts_telegram_accepts()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"<b>Line {i}</b> &amp; some words to make it long enough");
        var parts = TextSplitter.Split(string.Join("\n", lines));
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.InRange(Html.ToPlain(p).Length, 1, TextSplitter.TelegramLimit));
        Assert.All(parts, p => Assert.Equal(Count(p, "<b>"), Count(p, "</b>"))); // tags never cut apart
        Assert.Equal(300, parts.Sum(p => Count(p, "<b>")));
    }

    [Fact]
    public void One_huge_line_is_cut_at_spaces_and_never_inside_an_entity()
    {
        var text = string.Join(" ", Enumerable.Repeat("a&amp;b", 2000));
        var parts = TextSplitter.Split(text);
        Assert.All(parts, p => Assert.InRange(Html.ToPlain(p).Length, 1, TextSplitter.TelegramLimit));
        Assert.All(parts, p => Assert.StartsWith("a&amp;b", p));
        Assert.Equal(2000, parts.Sum(p => Count(p, "&amp;")));
    }

    [Fact]
    public void Text_without_any_break_is_still_cut_to_the_limit()
    {
        var parts = TextSplitter.Split(new string('x', 9000));
        Assert.Equal([4096, 4096, 808], parts.Select(p => p.Length));
    }

    private static int Count(string s, string what) => (s.Length - s.Replace(what, "").Length) / what.Length;
}
