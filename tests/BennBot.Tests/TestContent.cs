using BennBot.Content;

namespace BennBot.Tests;

/// <summary>The real seeds, loaded once (they are what residents see).</summary>
public static class TestContent
{
    public static readonly string SeedsPath = Path.Combine(AppContext.BaseDirectory, "seeds");
    public static readonly ContentSet Content = SeedLoader.Load(SeedsPath).Content ?? throw new InvalidOperationException("seeds do not load");
    public static readonly QuestionIndex Index = new(Content);
}
