namespace BennBot.Content;

/// <summary>What <see cref="Similarity"/> computes from the seeds' texts: the inverse document frequencies, the inverted
/// index per language (feature → text, weight) and each entry's centroid per language. Building them is most of the
/// cold start (about a second); they are kept between starts with the answer model (<see cref="TrainedIndex"/>) and read
/// back in a fraction of that (issue 11). Read back in the order they were written, so every dictionary enumerates, and
/// every sum adds up, exactly as in the process that built them.</summary>
public sealed class SimilarityTables
{
    private const int Format = 1;

    internal int TextCount { get; }
    internal Dictionary<string, double> Idf { get; }
    internal Dictionary<Language, PostingLists> Stems { get; }
    internal Dictionary<Language, PostingLists> Grams { get; }
    internal Dictionary<(int Class, Language Language), Similarity.Vectors> Centroids { get; }

    internal SimilarityTables(int textCount, Dictionary<string, double> idf, Dictionary<Language, PostingLists> stems,
        Dictionary<Language, PostingLists> grams, Dictionary<(int, Language), Similarity.Vectors> centroids)
    {
        (TextCount, Idf, Stems, Grams, Centroids) = (textCount, idf, stems, grams, centroids);
    }

    /// <summary>The same counts, in the same order, keyed by the strings the idf table holds where it has the feature:
    /// one copy of each feature string instead of one per text or per model (issue 17).</summary>
    internal Dictionary<string, int> Shared(Dictionary<string, int> features)
    {
        var kept = Idf.GetAlternateLookup<ReadOnlySpan<char>>();
        var shared = new Dictionary<string, int>(features.Count);
        foreach (var (key, n) in features) shared[kept.TryGetValue(key, out var same, out _) ? same : key] = n;
        return shared;
    }

    public void Save(BinaryWriter w)
    {
        w.Write(Format);
        w.Write(TextCount);
        // Features by number: each string once, as the process that built the tables shares it too.
        var number = new Dictionary<string, int>(Idf.Count);
        w.Write(Idf.Count);
        foreach (var (feature, idf) in Idf)
        {
            number[feature] = number.Count;
            w.Write(feature);
            w.Write(idf);
        }
        foreach (var postings in new[] { Stems, Grams })
        {
            w.Write(postings.Count);
            foreach (var (language, lists) in postings)
            {
                w.Write(language.Code);
                w.Write(lists.Features);
                foreach (var (feature, list) in lists.All())
                {
                    var items = list.ToList();
                    w.Write(number[feature]);
                    w.Write(items.Count);
                    foreach (var (doc, weight) in items) { w.Write(doc); w.Write(weight); }
                }
            }
        }
        w.Write(Centroids.Count);
        foreach (var ((c, language), vectors) in Centroids)
        {
            w.Write(c);
            w.Write(language.Code);
            foreach (var vector in new[] { vectors.Stems, vectors.Grams })
            {
                w.Write(vector.Count);
                foreach (var (feature, weight) in vector) { w.Write(number[feature]); w.Write(weight); }
            }
        }
    }

    /// <summary>Tables written by <see cref="Save"/>, or null when the stream holds another format or implausible
    /// numbers (a damaged file is built over, never trusted).</summary>
    public static SimilarityTables? Load(BinaryReader r)
    {
        if (r.ReadInt32() != Format) return null;
        var textCount = r.ReadInt32();
        var count = r.ReadInt32();
        if (textCount is < 0 or > 10_000_000 || count is < 0 or > 10_000_000) return null;
        var features = new string[count];
        var idf = new Dictionary<string, double>(count);
        for (var i = 0; i < count; i++)
        {
            features[i] = r.ReadString();
            idf[features[i]] = r.ReadDouble();
        }
        string Feature(int i) => (uint)i < (uint)count ? features[i] : throw new FormatException("feature number out of range");
        int Doc(int d) => (uint)d < (uint)textCount ? d : throw new FormatException("text number out of range");
        Language Language(string code) => Languages.Find(code) ?? throw new FormatException("unknown language");
        int Count(int n) => n is >= 0 and <= 10_000_000 ? n : throw new FormatException("implausible count");

        var postings = new Dictionary<Language, PostingLists>[2];
        for (var p = 0; p < 2; p++)
        {
            postings[p] = [];
            for (var l = Count(r.ReadInt32()); l > 0; l--)
            {
                var language = Language(r.ReadString());
                var featureCount = Count(r.ReadInt32());
                var ranges = new Dictionary<string, (int, int)>(featureCount);
                var (docs, weights) = (new List<int>(), new List<double>());
                for (var f = 0; f < featureCount; f++)
                {
                    var feature = Feature(r.ReadInt32());
                    var n = Count(r.ReadInt32());
                    ranges[feature] = (docs.Count, n);
                    for (var i = 0; i < n; i++) { docs.Add(Doc(r.ReadInt32())); weights.Add(r.ReadDouble()); }
                }
                postings[p][language] = new PostingLists(ranges, [.. docs], [.. weights]);
            }
        }
        var centroids = new Dictionary<(int, Language), Similarity.Vectors>();
        for (var n = Count(r.ReadInt32()); n > 0; n--)
        {
            var key = (r.ReadInt32(), Language(r.ReadString()));
            var vectors = new Dictionary<string, double>[2];
            for (var v = 0; v < 2; v++)
            {
                var size = Count(r.ReadInt32());
                vectors[v] = new Dictionary<string, double>(size);
                for (var i = 0; i < size; i++) vectors[v][Feature(r.ReadInt32())] = r.ReadDouble();
            }
            centroids[key] = new(vectors[0], vectors[1]);
        }
        return new(textCount, idf, postings[0], postings[1], centroids);
    }
}
