using System.Diagnostics;
using BennBot.Content;

/// <summary>Issue 16: N examples as the team would confirm them, learned one at a time into a running index. Each is a
/// seed example question of some entry with two words of other questions of its language added, so every one is new
/// text with new postings (a realistic worst case: nothing is a duplicate).</summary>
public static class LearnedExamples
{
    public static void Learn(QuestionIndex index, ContentSet content, int count)
    {
        var random = new Random(16);
        var pool = Languages.All.SelectMany(l => content.Entries.SelectMany(e => e.Text(l).Questions.Select(q => (Entry: e.Id, Language: l, Q: q)))).ToList();
        var words = pool.GroupBy(p => p.Language).ToDictionary(g => g.Key, g => g.SelectMany(p => p.Q.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray());
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var (entry, language, q) = pool[random.Next(pool.Count)];
            var w = words[language];
            var text = $"{q} {w[random.Next(w.Length)]} {w[random.Next(w.Length)]}";
            var t = Stopwatch.GetTimestamp();
            index.Learn(new LearnedText(i + 1, entry, language, text));
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"Learning {count:N0} examples one by one: p50 {times[count / 2]:0.00} ms, p99 {times[(int)(count * 0.99)]:0.00} ms, total {times.Sum() / 1000:0.0} s");
    }
}
