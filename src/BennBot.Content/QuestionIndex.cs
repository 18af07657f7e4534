namespace BennBot.Content;

public sealed record Candidate(Entry Entry, double Score, Language Language);

/// <summary>The outcome of a free question: a clear answer; or the closest candidates when it is not clear;
/// or a decline when it is plainly about something else (legal questions get the counselling pointer).</summary>
public sealed record AskResult(bool Answered, Candidate? Best, IReadOnlyList<Candidate> Alternatives, Decline? Declined = null);

/// <summary>Finds the entry a free question is about, in any of our languages, whatever language the resident
/// chose. Each example question (and title) is analysed by its own language's Lucene analyzer (stop words,
/// stemming); a question is analysed by every language's analyzer and compared with that language's examples.
/// Features are TF-IDF weighted stems plus character trigrams of the folded words (typos, compounds, scripts
/// without a stemmer), scored by cosine; an entry scores as its best-matching example. Off-topic examples from
/// the seeds compete like entries, so "the weather" or "my asylum case" is recognised and declined.</summary>
public sealed class QuestionIndex : IDisposable
{
    public const double AnswerThreshold = 0.42;
    public const double ClearMargin = 0.06;
    public const double CandidateThreshold = 0.22;
    public const int MaxQuestionLength = 1000;

    private sealed record Doc(Entry? Entry, Decline? Decline, Language Language, Dictionary<string, double> Vector);

    private readonly LanguageAnalysis _analysis = new();
    private readonly List<Doc> _docs = [];
    private readonly Dictionary<string, double> _idf = [];

    public QuestionIndex(ContentSet content)
    {
        var raw = new List<(Entry?, Decline?, Language, Dictionary<string, int>)>();
        foreach (var language in Languages.All)
        {
            foreach (var entry in content.Entries)
            {
                var text = entry.Text(language);
                foreach (var example in text.Questions.Prepend(text.Title)) raw.Add((entry, null, language, Features(example, language)));
            }
            foreach (var kind in new[] { Decline.Legal, Decline.Other })
                foreach (var example in content.OffTopic(language, kind)) raw.Add((null, kind, language, Features(example, language)));
        }
        var df = new Dictionary<string, int>();
        foreach (var (_, _, _, f) in raw) foreach (var key in f.Keys) df[key] = df.GetValueOrDefault(key) + 1;
        foreach (var (key, n) in df) _idf[key] = Math.Log(1 + raw.Count / (double)n);
        foreach (var (entry, decline, language, f) in raw) _docs.Add(new(entry, decline, language, Weigh(f)));
    }

    public AskResult Ask(string question)
    {
        if (question.Length > MaxQuestionLength) question = question[..MaxQuestionLength];
        var queries = Languages.All.ToDictionary(l => l, l => Weigh(Features(question, l)));
        var entries = new Dictionary<string, Candidate>();
        (Decline Kind, double Score) decline = (Decline.Other, 0);
        foreach (var doc in _docs)
        {
            var score = Cosine(queries[doc.Language], doc.Vector);
            if (doc.Decline is { } kind) { if (score > decline.Score) decline = (kind, score); continue; }
            if (!entries.TryGetValue(doc.Entry!.Id, out var c) || score > c.Score) entries[doc.Entry.Id] = new(doc.Entry, score, doc.Language);
        }
        var ranked = entries.Values.OrderByDescending(c => c.Score).ToList();
        var top = ranked.FirstOrDefault();
        var topScore = top?.Score ?? 0;
        var second = ranked.Skip(1).FirstOrDefault()?.Score ?? 0;
        if (decline.Score > topScore && decline.Score >= CandidateThreshold)
            return new(false, top is { Score: > 0 } ? top : null, [], decline.Kind);
        var answered = topScore >= AnswerThreshold && topScore - second >= ClearMargin;
        var alternatives = ranked.Where(c => c.Score >= CandidateThreshold).Take(3).ToList();
        return new(answered, top is { Score: > 0 } ? top : null, alternatives);
    }

    private Dictionary<string, int> Features(string text, Language language)
    {
        var features = new Dictionary<string, int>();
        foreach (var stem in _analysis.Stems(text, language)) Add(features, "w:" + TextNormalizer.Fold(stem));
        foreach (var token in TextNormalizer.Tokens(text))
        {
            var padded = $"^{token}$";
            for (var i = 0; i + 3 <= padded.Length; i++) Add(features, padded.Substring(i, 3));
        }
        return features;
    }

    private static void Add(Dictionary<string, int> f, string key) => f[key] = f.GetValueOrDefault(key) + 1;

    private Dictionary<string, double> Weigh(Dictionary<string, int> counts)
    {
        var v = new Dictionary<string, double>(counts.Count);
        foreach (var (key, n) in counts)
            if (_idf.TryGetValue(key, out var idf)) v[key] = (1 + Math.Log(n)) * idf;
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        if (norm > 0) foreach (var key in v.Keys.ToList()) v[key] /= norm;
        return v;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (key, x) in small) if (large.TryGetValue(key, out var y)) sum += x * y;
        return sum;
    }

    public void Dispose() => _analysis.Dispose();
}
