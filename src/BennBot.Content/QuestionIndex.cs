namespace BennBot.Content;

public sealed record Candidate(Entry Entry, double Score, Language Language);

/// <summary>The outcome of a free question: a clear answer, or the closest candidates when it is not clear.</summary>
public sealed record AskResult(bool Answered, Candidate? Best, IReadOnlyList<Candidate> Alternatives);

/// <summary>Finds the entry a free question is about, in any of our languages, whatever language the resident
/// chose. TF-IDF over word tokens plus character trigrams (typos, inflections, compounds), cosine similarity
/// against every example question and title; an entry scores as its best-matching example.</summary>
public sealed class QuestionIndex
{
    public const double AnswerThreshold = 0.42;
    public const double ClearMargin = 0.06;
    public const double CandidateThreshold = 0.18;
    public const int MaxQuestionLength = 1000;

    private readonly List<(Entry Entry, Language Language, Dictionary<string, double> Vector)> _docs = [];
    private readonly Dictionary<string, double> _idf = [];

    public QuestionIndex(ContentSet content)
    {
        var raw = new List<(Entry, Language, Dictionary<string, int>)>();
        foreach (var entry in content.Entries)
        foreach (var language in Languages.All)
        {
            var text = entry.Text(language);
            foreach (var example in text.Questions.Prepend(text.Title)) raw.Add((entry, language, Features(example)));
        }
        var df = new Dictionary<string, int>();
        foreach (var (_, _, f) in raw) foreach (var key in f.Keys) df[key] = df.GetValueOrDefault(key) + 1;
        foreach (var (key, n) in df) _idf[key] = Math.Log(1 + raw.Count / (double)n);
        foreach (var (entry, language, f) in raw) _docs.Add((entry, language, Weigh(f)));
    }

    public AskResult Ask(string question)
    {
        if (question.Length > MaxQuestionLength) question = question[..MaxQuestionLength];
        var query = Weigh(Features(question));
        var best = new Dictionary<string, Candidate>();
        foreach (var (entry, language, vector) in _docs)
        {
            var score = Cosine(query, vector);
            if (!best.TryGetValue(entry.Id, out var c) || score > c.Score) best[entry.Id] = new(entry, score, language);
        }
        var ranked = best.Values.OrderByDescending(c => c.Score).ToList();
        var top = ranked.FirstOrDefault();
        var second = ranked.Skip(1).FirstOrDefault()?.Score ?? 0;
        var answered = top is not null && top.Score >= AnswerThreshold && top.Score - second >= ClearMargin;
        var alternatives = ranked.Where(c => c.Score >= CandidateThreshold).Take(3).ToList();
        return new(answered, top is { Score: > 0 } ? top : null, alternatives);
    }

    private static Dictionary<string, int> Features(string text)
    {
        var features = new Dictionary<string, int>();
        foreach (var token in TextNormalizer.Tokens(text))
        {
            Add(features, "w:" + token);
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
}
