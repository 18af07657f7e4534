using BennBot.Content;

namespace BennBot.Tests;

/// <summary>The real seeds, loaded once (they are what residents see).</summary>
public static class TestContent
{
    public static readonly string SeedsPath = Path.Combine(AppContext.BaseDirectory, "seeds");
    public static readonly ContentSet Content = SeedLoader.Load(SeedsPath).Content ?? throw new InvalidOperationException("seeds do not load");
    /// <summary>One trained answer model for all tests (bots started by tests load it instead of training anew).</summary>
    public static readonly string ModelCache = Path.Combine(Path.GetTempPath(), "bennbot-test-model-cache");
    public static readonly QuestionIndex Index = new(Content, Worker.Storage.ModelCache.In(ModelCache));
}
