namespace BennBot.Content;

/// <summary>The inverted index of one language's texts for one kind of feature (stems or character trigrams): feature →
/// the texts it occurs in, with its weight there. The seeds' postings sit in two flat arrays, each feature a range of
/// them, in the order they were added (issue 17: a list per feature cost 56 bytes and each posting 16, about 5 MB
/// for the 50,000 features of the seeds); a learned example's postings (issue 16) are kept apart and come after them,
/// so every score adds up in the same order as before.</summary>
internal sealed class PostingLists
{
    private readonly Dictionary<string, (int Start, int Count)> _ranges;
    private readonly int[] _docs;
    private readonly double[] _weights;
    private readonly Dictionary<string, List<(int Doc, double Weight)>> _added = [];

    /// <summary>The postings of <paramref name="lists"/>, feature by feature in its order.</summary>
    public PostingLists(IReadOnlyCollection<KeyValuePair<string, List<(int Doc, double Weight)>>> lists)
    {
        _ranges = new(lists.Count);
        var total = lists.Sum(l => l.Value.Count);
        (_docs, _weights) = (new int[total], new double[total]);
        var at = 0;
        foreach (var (feature, list) in lists)
        {
            _ranges[feature] = (at, list.Count);
            foreach (var (doc, weight) in list) (_docs[at], _weights[at++]) = (doc, weight);
        }
    }

    /// <summary>Postings read back as kept (<see cref="SimilarityTables.Load"/>).</summary>
    public PostingLists(Dictionary<string, (int Start, int Count)> ranges, int[] docs, double[] weights) =>
        (_ranges, _docs, _weights) = (ranges, docs, weights);

    /// <summary>One posting more, from an example learned after start.</summary>
    public void Add(string feature, int doc, double weight)
    {
        if (!_added.TryGetValue(feature, out var list)) _added[feature] = list = [];
        list.Add((doc, weight));
    }

    /// <summary>Adds <paramref name="factor"/> times the feature's weight in each text to that text's score.</summary>
    public void Accumulate(string feature, double factor, double[] scores)
    {
        if (_ranges.TryGetValue(feature, out var range))
            for (var i = range.Start; i < range.Start + range.Count; i++) scores[_docs[i]] += factor * _weights[i];
        if (_added.Count > 0 && _added.TryGetValue(feature, out var list))
            foreach (var (doc, weight) in list) scores[doc] += factor * weight;
    }

    /// <summary>Every feature with its postings, the seeds' first, in the order they were added.</summary>
    public IEnumerable<(string Feature, IEnumerable<(int Doc, double Weight)> Postings)> All()
    {
        foreach (var (feature, range) in _ranges)
            yield return (feature, Postings(range, _added.GetValueOrDefault(feature)));
        foreach (var (feature, list) in _added)
            if (!_ranges.ContainsKey(feature)) yield return (feature, list);
    }

    public int Features => _ranges.Count + _added.Keys.Count(f => !_ranges.ContainsKey(f));

    private IEnumerable<(int, double)> Postings((int Start, int Count) range, List<(int, double)>? added)
    {
        for (var i = range.Start; i < range.Start + range.Count; i++) yield return (_docs[i], _weights[i]);
        foreach (var posting in added ?? []) yield return posting;
    }
}
