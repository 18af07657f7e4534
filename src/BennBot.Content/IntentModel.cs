namespace BennBot.Content;

/// <summary>A multinomial logistic regression (softmax) over the analysed features of a question: one class per entry
/// and one per kind of decline. Trained from the seeds at start by plain stochastic gradient descent, with a fixed
/// shuffle so the same seeds always give the same model. It learns which words tell the entries apart (TF-IDF
/// similarity weighs every shared word by rarity alone), and its class probabilities say how sure it is.</summary>
public sealed class IntentModel
{
    private const int Format = 1;
    private Dictionary<string, int> _features = [];
    private readonly float[] _bias;
    private float[] _weights = []; // grows when a learned example brings new features (issue 16)
    public int Classes { get; }

    private IntentModel(int classes, Dictionary<string, int> features, float[] bias, float[] weights) =>
        (Classes, _features, _bias, _weights) = (classes, features, bias, weights);

    public IntentModel(int classes, IReadOnlyList<(IReadOnlyCollection<string> Features, int Label, float Weight)> examples, int epochs = 12, float rate = 0.5f, int seed = 11)
    {
        Classes = classes;
        _bias = new float[classes];
        var encoded = examples.Select(e => (Ids: e.Features.Select(Id).ToArray(), e.Label, e.Weight)).ToList();
        _weights = new float[_features.Count * classes];
        var order = Enumerable.Range(0, encoded.Count).ToArray();
        var random = new Random(seed);
        var p = new float[classes];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var lr = rate / (1 + epoch * 0.5f);
            foreach (var i in order)
            {
                var (ids, label, weight) = encoded[i];
                if (ids.Length == 0) continue;
                var scale = 1 / MathF.Sqrt(ids.Length);
                Probabilities(ids, scale, p);
                for (var c = 0; c < classes; c++)
                {
                    var g = lr * weight * (p[c] - (c == label ? 1 : 0));
                    if (MathF.Abs(g) < 1e-6f) continue;
                    _bias[c] -= g * 0.1f;
                    var gs = g * scale;
                    foreach (var f in ids) _weights[f * classes + c] -= gs;
                }
            }
        }
    }

    private int Id(string feature)
    {
        if (!_features.TryGetValue(feature, out var id)) _features[feature] = id = _features.Count;
        return id;
    }

    /// <summary>One example more, learned on the spot (issue 16): the same gradient step as in training, repeated until
    /// the model gives the example's own class at least <paramref name="target"/> (or <paramref name="maxSteps"/> steps),
    /// so one confirmed question is enough to answer it next time, and no more than needed moves the other answers.</summary>
    public void Learn(IReadOnlyCollection<string> features, int label, float rate, float target = 0.9f, int maxSteps = 100)
    {
        var ids = features.Select(Id).ToArray();
        if (ids.Length == 0) return;
        if (_features.Count * Classes > _weights.Length)
            Array.Resize(ref _weights, Math.Max(_features.Count * Classes, _weights.Length + _weights.Length / 2));
        var scale = 1 / MathF.Sqrt(ids.Length);
        var p = new float[Classes];
        for (var step = 0; step < maxSteps; step++)
        {
            Probabilities(ids, scale, p);
            if (p[label] >= target) return;
            for (var c = 0; c < Classes; c++)
            {
                var g = rate * (p[c] - (c == label ? 1 : 0));
                if (MathF.Abs(g) < 1e-6f) continue; // the bias stays: it speaks for every question, not this one
                var gs = g * scale;
                foreach (var f in ids) _weights[f * Classes + c] -= gs;
            }
        }
    }

    /// <summary>A copy to learn on, so that the model as trained from the seeds stays at hand.</summary>
    public IntentModel Clone() => new(Classes, new Dictionary<string, int>(_features), (float[])_bias.Clone(), _weights[..(_features.Count * Classes)]);

    /// <summary>Keeps the <paramref name="tables"/>' copy of every feature string the two have in common, and no spare
    /// room: the model and the similarity tables each read or made their own copy of the strings they share (issue 17:
    /// 1.2 MB read back from the model cache, 1.8 MB built). The same features with the same numbers, in the same
    /// order.</summary>
    internal void ShareFeatures(SimilarityTables tables) => _features = tables.Shared(_features);

    /// <summary>Whether the feature occurred in any text the model was trained on.</summary>
    public bool Knows(string feature) => _features.ContainsKey(feature);

    /// <summary>Class probabilities for a question's features; features never seen in training count for nothing.</summary>
    public float[] Predict(IEnumerable<string> features)
    {
        var ids = new List<int>();
        var n = 0;
        foreach (var f in features)
        {
            n++;
            if (_features.TryGetValue(f, out var id)) ids.Add(id);
        }
        var p = new float[Classes];
        Probabilities(ids, n == 0 ? 0 : 1 / MathF.Sqrt(n), p);
        return p;
    }

    private void Probabilities(IReadOnlyList<int> ids, float scale, float[] p)
    {
        var max = float.MinValue;
        for (var c = 0; c < Classes; c++)
        {
            var z = _bias[c];
            foreach (var f in ids) z += _weights[f * Classes + c] * scale;
            p[c] = z;
            if (z > max) max = z;
        }
        var sum = 0f;
        for (var c = 0; c < Classes; c++) sum += p[c] = MathF.Exp(p[c] - max);
        for (var c = 0; c < Classes; c++) p[c] /= sum;
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Format);
        w.Write(Classes);
        w.Write(_features.Count);
        foreach (var (feature, id) in _features.OrderBy(f => f.Value)) w.Write(feature);
        foreach (var b in _bias) w.Write(b);
        for (var i = 0; i < _features.Count * Classes; i++) w.Write(_weights[i]);
    }

    /// <summary>A model written by <see cref="Save"/>, or null when the stream holds another format or implausible sizes.</summary>
    public static IntentModel? Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != Format) return null;
        var classes = r.ReadInt32();
        var count = r.ReadInt32();
        if (classes is < 1 or > 10_000 || count is < 0 or > 10_000_000) return null;
        var features = new Dictionary<string, int>(count);
        for (var i = 0; i < count; i++) features[r.ReadString()] = i;
        var bias = new float[classes];
        for (var c = 0; c < classes; c++) bias[c] = r.ReadSingle();
        var weights = new float[count * classes];
        var bytes = r.ReadBytes(weights.Length * sizeof(float));
        if (bytes.Length != weights.Length * sizeof(float)) return null;
        Buffer.BlockCopy(bytes, 0, weights, 0, bytes.Length);
        return new IntentModel(classes, features, bias, weights);
    }
}
