namespace BennBot.Worker.Topics;

public sealed record TopicStats(int Total, IReadOnlyList<(string Key, int Count)> ByField, IReadOnlyList<(string Key, int Count)> ByCategory,
    IReadOnlyList<(string Key, int Count)> ByArea, IReadOnlyList<(string Key, int Count)> ByLanguage,
    IReadOnlyList<(string Key, int Count)> ByStatus, IReadOnlyList<(string Key, int Count)> ByMonth);
public static class TopicReport
{
    public static TopicStats Count(IEnumerable<Topic> topics) => throw new NotImplementedException();
    public static byte[] Chart(TopicStats stats, string title, Func<string, string, string> label) => throw new NotImplementedException();
    public static byte[] Csv(IEnumerable<Topic> topics, DateTime? since = null) => throw new NotImplementedException();
}
