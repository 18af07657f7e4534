using System.Buffers;

namespace BennBot.Content;

/// <summary>TF-IDF similarity of a question to the seeds' texts. Each example question, title and answer is analysed by
/// its own language's Lucene analyzer (stop words, stemming); a question is analysed by every language's analyzer and
/// compared with that language's texts. Features are stems and character trigrams of the stems (typos, compounds,
/// inflections the stemmer misses), compared by cosine. An entry scores half by its best-matching text, half by all its
/// texts together. Off-topic examples compete like entries.</summary>
public sealed class Similarity : IDisposable
{
    private const double StemWeight = 0.3;      // stems vs character trigrams of the stems
    private const double CentroidWeight = 0.5;  // best single example vs all of an entry's examples together
    private const double Temperature = 0.03;    // of the softmax that turns scores into probabilities (chosen on development questions)

    /// <summary>A seed text and the class it teaches (see <see cref="Classes"/>).</summary>
    public sealed record Text(int Class, Language Language, string Words);

    // Stems and character trigrams are weighed as two separate vectors: trigrams are many per word and would
    // otherwise drown the stems, which carry most of the meaning.
    internal sealed record Vectors(Dictionary<string, double> Stems, Dictionary<string, double> Grams);

    private readonly LanguageAnalysis _analysis = new();
    // Only the texts: a text's weighed vector is needed only to fill the postings (issue 17: the vectors were 18 MB).
    private readonly List<Text> _docs = [];
    // The inverse document frequencies, the inverted index per language (feature → text, weight; a question only
    // touches texts it shares words with) and the centroids: built from the seeds, or read back as kept (issue 11).
    // The postings in flat arrays once built (issue 17, <see cref="PostingLists"/>); a learned example's kept apart.
    private readonly SimilarityTables _tables;
    // The raw feature counts behind a centroid, so a learned example moves one centroid without touching the rest:
    // counted again from the seeds' texts when an example is first learned for it, not kept for all 176 (issue 17: 5 MB).
    private readonly Dictionary<(int Class, Language Language), Dictionary<string, int>> _centroidCounts = [];
    private readonly HashSet<int> _removed = [];
    private readonly double _unseenIdf;

    /// <summary>What a question can be about: the entries in catalog order (class i is <c>Entries[i]</c>), then one
    /// class per kind of decline (<see cref="ClassOf"/>).</summary>
    public IReadOnlyList<Entry> Entries { get; }
    public int Classes => ClassesOf(Entries.Count);
    /// <summary>The number of classes for a catalog of <paramref name="entries"/> entries: they, then the declines.</summary>
    public static int ClassesOf(int entries) => entries + Enum.GetValues<Decline>().Length;
    public int ClassOf(Decline kind) => Entries.Count + (int)kind;
    public Decline? DeclineOf(int c) => c >= Entries.Count ? (Decline)(c - Entries.Count) : null;

    public IReadOnlyList<Text> Texts { get; }

    /// <summary>The seeds' texts in the order they are numbered: per language, each entry's examples, title and answer,
    /// then the declines' examples.</summary>
    public static List<Text> TextsOf(ContentSet content)
    {
        var texts = new List<Text>();
        foreach (var language in Languages.All)
        {
            for (var c = 0; c < content.Entries.Count; c++)
            {
                var text = content.Entries[c].Text(language);
                // The answer too: its words (ver.di, e.V., Duldung...) are what people ask about.
                foreach (var example in text.Questions.Prepend(text.Title).Append(text.Answer)) texts.Add(new(c, language, example));
            }
            foreach (var kind in Enum.GetValues<Decline>())
                foreach (var example in content.OffTopic(language, kind)) texts.Add(new(content.Entries.Count + (int)kind, language, example));
        }
        return texts;
    }

    /// <summary>What the tables were built from the seeds or read back as: kept between starts (<see cref="TrainedIndex"/>).</summary>
    public SimilarityTables Tables => _tables;

    /// <param name="kept">Tables this content built before (read back from the cache); null, or tables of another
    /// number of texts, builds them.</param>
    public Similarity(ContentSet content, SimilarityTables? kept = null)
    {
        Entries = content.Entries;
        var texts = TextsOf(content);
        Texts = texts;
        _docs.AddRange(texts);
        _unseenIdf = Math.Log(1 + texts.Count);
        if (kept is not null && kept.TextCount == texts.Count)
        {
            _tables = kept;
            return;
        }
        // Analysed on every core: the analyzers are thread-safe.
        var features = texts.AsParallel().AsOrdered().Select(t => Features(t.Words, t.Language)).ToList();
        var df = new Dictionary<string, int>();
        foreach (var f in features) foreach (var key in f.Keys) df[key] = df.GetValueOrDefault(key) + 1;
        _tables = new(texts.Count, df.ToDictionary(d => d.Key, d => Math.Log(1 + texts.Count / (double)d.Value)), [], [], []);
        // Every text made its own copy of each feature string; the postings and centroids keep the one the idf table
        // holds (issue 17). The same keys in the same order, so every sum adds up in the same order as before.
        for (var i = 0; i < features.Count; i++) features[i] = _tables.Shared(features[i]);
        var stems = new Dictionary<Language, Dictionary<string, List<(int, double)>>>();
        var grams = new Dictionary<Language, Dictionary<string, List<(int, double)>>>();
        for (var i = 0; i < texts.Count; i++)
        {
            var vector = Weigh(features[i]);
            Post(stems, texts[i].Language, vector.Stems, i);
            Post(grams, texts[i].Language, vector.Grams, i);
        }
        foreach (var (language, lists) in stems) _tables.Stems[language] = new PostingLists(lists);
        foreach (var (language, lists) in grams) _tables.Grams[language] = new PostingLists(lists);
        foreach (var group in Enumerable.Range(0, texts.Count).Where(i => texts[i].Class < Entries.Count).GroupBy(i => (texts[i].Class, texts[i].Language)))
        {
            // Without the room left by growing (issue 17: about 2 MB; tables read back are sized exactly).
            var centroid = Weigh(Count(group.Select(i => features[i])));
            centroid.Stems.TrimExcess();
            centroid.Grams.TrimExcess();
            _tables.Centroids[group.Key] = centroid;
        }
    }

    /// <summary>Adds one text (an example the team confirmed, issue 16) without touching the others: its postings are
    /// appended and only its own entry's centroid is weighed again. The document frequencies stay those of the seeds;
    /// a word the seeds never had counts as the rarest. Returns the text's number, for <see cref="Remove"/>.</summary>
    public int Add(Text text)
    {
        var features = Features(text.Words, text.Language);
        foreach (var key in features.Keys) _tables.Idf.TryAdd(key, _unseenIdf);
        var doc = _docs.Count;
        _docs.Add(text);
        var vector = Weigh(features);
        foreach (var (postings, weights) in new[] { (_tables.Stems, vector.Stems), (_tables.Grams, vector.Grams) })
        {
            if (!postings.TryGetValue(text.Language, out var lists)) postings[text.Language] = lists = new PostingLists([]);
            foreach (var (feature, weight) in weights) lists.Add(feature, doc, weight);
        }
        MoveCentroid(text, features, +1);
        return doc;
    }

    /// <summary>Takes a text added with <see cref="Add"/> out of the scoring (its postings stay, ignored).</summary>
    public void Remove(int doc)
    {
        if (doc < Texts.Count || !_removed.Add(doc)) return; // the seeds' own texts stay
        var text = _docs[doc];
        MoveCentroid(text, Features(text.Words, text.Language), -1);
    }

    private void MoveCentroid(Text text, Dictionary<string, int> features, int sign)
    {
        if (text.Class >= Entries.Count) return; // declines have no centroid
        var key = (text.Class, text.Language);
        if (!_centroidCounts.TryGetValue(key, out var counts))
            _centroidCounts[key] = counts = Count(Texts.Where(t => t.Class == text.Class && t.Language == text.Language).Select(t => Features(t.Words, t.Language)));
        foreach (var (k, n) in features)
            if ((counts[k] = counts.GetValueOrDefault(k) + sign * n) <= 0) counts.Remove(k);
        _tables.Centroids[key] = Weigh(counts);
    }

    /// <summary>A text as every language's analyzer sees it (analysed once, used by both judges).</summary>
    public sealed record Analysed(IReadOnlyDictionary<Language, Dictionary<string, int>> ByLanguage)
    {
        /// <summary>Whether any analyzer found a word that is not a stop word.</summary>
        public bool HasWords => ByLanguage.Values.Any(f => f.Count > 0);

        /// <summary>The features of every language's analysis, together.</summary>
        public HashSet<string> All()
        {
            var set = new HashSet<string>();
            foreach (var f in ByLanguage.Values) set.UnionWith(f.Keys);
            return set;
        }
    }

    public Analysed Analyse(string text) => new(Languages.All.ToDictionary(l => l, l => Features(text, l)));

    /// <summary>The similarity scores as probabilities over the <see cref="Classes"/>, for each entry the language of its
    /// best-matching text, and the best raw score (0 when the question shares nothing with any seed text).</summary>
    public (double[] P, Language?[] Languages, double Best) Probabilities(Analysed question)
    {
        var queries = Languages.All.ToDictionary(l => l, l => Weigh(question.ByLanguage[l]));
        // Rented: with the learned examples (issue 16) the array passes the 85,000 bytes from which every question would
        // allocate on the large object heap, and the gen-2 collections that follow showed in the p99.
        var scores = ArrayPool<double>.Shared.Rent(_docs.Count);
        Array.Clear(scores, 0, _docs.Count);
        foreach (var (language, q) in queries)
        {
            Accumulate(_tables.Stems, language, q.Stems, scores, StemWeight);
            Accumulate(_tables.Grams, language, q.Grams, scores, 1 - StemWeight);
        }
        var best = new double[Classes];
        var languages = new Language?[Classes];
        for (var i = 0; i < _docs.Count; i++)
        {
            var text = _docs[i];
            if (scores[i] > 0 && _removed.Contains(i)) continue;
            if (scores[i] > best[text.Class]) (best[text.Class], languages[text.Class]) = (scores[i], text.Language);
        }
        ArrayPool<double>.Shared.Return(scores);
        for (var c = 0; c < Entries.Count; c++)
            if (best[c] > 0)
                best[c] = (1 - CentroidWeight) * best[c] + CentroidWeight * Languages.All.Max(l => _tables.Centroids.TryGetValue((c, l), out var centroid) ? Cosine(queries[l], centroid) : 0);
        var max = best.Max();
        if (max <= 0) return (new double[Classes], languages, 0);
        var p = best.Select(s => Math.Exp((s - max) / Temperature)).ToArray();
        var sum = p.Sum();
        return (p.Select(x => x / sum).ToArray(), languages, max);
    }

    private Dictionary<string, int> Features(string text, Language language)
    {
        var features = new Dictionary<string, int>();
        var stems = _analysis.Stems(text, language).Select(TextNormalizer.Fold).ToList();
        foreach (var stem in stems) Add(features, "w:" + stem);
        foreach (var token in stems)
        {
            var padded = $"^{token}$";
            for (var i = 0; i + 3 <= padded.Length; i++) Add(features, padded.Substring(i, 3));
        }
        return features;
    }

    // In the seeds' order, so the centroid's features (and every sum over them) come in the same order each time.
    private static Dictionary<string, int> Count(IEnumerable<Dictionary<string, int>> texts)
    {
        var counts = new Dictionary<string, int>();
        foreach (var features in texts) foreach (var (k, n) in features) counts[k] = counts.GetValueOrDefault(k) + n;
        return counts;
    }

    private static void Add(Dictionary<string, int> f, string key) => f[key] = f.GetValueOrDefault(key) + 1;

    private Vectors Weigh(Dictionary<string, int> counts) =>
        new(Normalised(counts.Where(c => c.Key.StartsWith("w:", StringComparison.Ordinal))),
            Normalised(counts.Where(c => !c.Key.StartsWith("w:", StringComparison.Ordinal))));

    private Dictionary<string, double> Normalised(IEnumerable<KeyValuePair<string, int>> counts)
    {
        var v = new Dictionary<string, double>();
        foreach (var (key, n) in counts)
            if (_tables.Idf.TryGetValue(key, out var idf)) v[key] = (1 + Math.Log(n)) * idf;
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        if (norm > 0) foreach (var key in v.Keys.ToList()) v[key] /= norm;
        return v;
    }

    private static void Post(Dictionary<Language, Dictionary<string, List<(int, double)>>> postings, Language language, Dictionary<string, double> vector, int doc)
    {
        if (!postings.TryGetValue(language, out var lists)) postings[language] = lists = [];
        foreach (var (feature, weight) in vector)
        {
            if (!lists.TryGetValue(feature, out var list)) lists[feature] = list = [];
            list.Add((doc, weight));
        }
    }

    private static void Accumulate(Dictionary<Language, PostingLists> postings, Language language,
        Dictionary<string, double> query, double[] scores, double share)
    {
        if (!postings.TryGetValue(language, out var lists)) return;
        foreach (var (feature, weight) in query) lists.Accumulate(feature, share * weight, scores);
    }

    private static double Cosine(Vectors a, Vectors b) => StemWeight * Cosine(a.Stems, b.Stems) + (1 - StemWeight) * Cosine(a.Grams, b.Grams);

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (key, x) in small) if (large.TryGetValue(key, out var y)) sum += x * y;
        return sum;
    }

    public void Dispose() => _analysis.Dispose();
}
