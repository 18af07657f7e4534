namespace BennBot.Content;

/// <summary>An example question the team confirmed for an entry (or for a decline: <see cref="QuestionIndex.LegalTarget"/>,
/// <see cref="QuestionIndex.OtherTarget"/>), in the language it was written in (issue 16).</summary>
public sealed record LearnedText(long Id, string Target, Language Language, string Text);

/// <summary>Examples learned while the bot runs (issue 16). They go through the same two judges as the seeds' examples:
/// each becomes a text of <see cref="Similarity"/> (added, not rebuilt) and a few gradient steps of the
/// <see cref="IntentModel"/>. Forgetting one replays the others on the seeds' model, so the result never depends on
/// what was learned and forgotten before. Answering reads under a shared lock; learning takes it alone for a moment.</summary>
public sealed partial class QuestionIndex
{
    public const string LegalTarget = "!legal", OtherTarget = "!other";

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly IntentModel _seedModel;
    private readonly Lazy<HashSet<(string Language, string Key)>> _seedExamples;
    private readonly SortedDictionary<long, Learned> _learned = [];

    private sealed record Learned(LearnedText Text, int Doc, int Class, IReadOnlyCollection<string> Features, string Key);

    // A step of the size of training's middle epochs; how far the model moves is set by the target probability, not by this.
    private const float LearnRate = 1f;

    /// <summary>The class a target names: an entry id, or a decline; null for anything else.</summary>
    public int? ClassOf(string target) => target switch
    {
        LegalTarget => _similarity.ClassOf(Decline.Legal),
        OtherTarget => _similarity.ClassOf(Decline.Other),
        _ => _similarity.Entries.Select((e, i) => (e, i)).FirstOrDefault(x => x.e.Id == target) is { e: not null } x ? x.i : null,
    };

    /// <summary>Learns an example; false when its target is unknown or it is learned already.</summary>
    public bool Learn(LearnedText text)
    {
        if (ClassOf(text.Target) is not { } c) return false;
        _lock.EnterWriteLock();
        try
        {
            if (_learned.ContainsKey(text.Id)) return false;
            // Learned as it will be asked: without the greeting or "please" that Ask takes out first.
            var words = CourtesyWords.Split(text.Text).Question is { Length: > 0 } rest ? rest : text.Text;
            var features = _similarity.Analyse(words).All();
            var doc = _similarity.Add(new Similarity.Text(c, text.Language, words));
            if (ReferenceEquals(_model, _seedModel)) _model = _seedModel.Clone(); // the seeds' model stays as trained
            _model.Learn(features, c, LearnRate);
            _learned[text.Id] = new(text, doc, c, features, KeyOf(text.Language, text.Text));
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Forgets a learned example: the seeds' model again, with the other learned examples replayed in order.</summary>
    public bool Forget(long id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_learned.Remove(id, out var gone)) return false;
            _similarity.Remove(gone.Doc);
            _model = _learned.Count == 0 ? _seedModel : _seedModel.Clone();
            foreach (var l in _learned.Values) _model.Learn(l.Features, l.Class, LearnRate);
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    public IReadOnlyCollection<long> LearnedIds
    {
        get
        {
            _lock.EnterReadLock();
            try { return _learned.Keys.ToList(); }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>How many learned examples each language has (every language listed, also with none).</summary>
    public IReadOnlyDictionary<Language, int> LearnedCounts()
    {
        _lock.EnterReadLock();
        try { return Languages.All.ToDictionary(l => l, l => _learned.Values.Count(x => x.Text.Language == l)); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Whether this wording is already an example in this language, in the seeds or learned (case, spaces and
    /// end punctuation aside).</summary>
    public bool HasExample(Language language, string text)
    {
        var key = KeyOf(language, text);
        _lock.EnterReadLock();
        try { return _seedExamples.Value.Contains((language.Code, key)) || _learned.Values.Any(l => l.Key == key && l.Text.Language == language); }
        finally { _lock.ExitReadLock(); }
    }

    private static string KeyOf(Language language, string text) =>
        string.Join(' ', TextNormalizer.Fold(text).Split((char[])[' ', '\n', '\t', '?', '؟', '!', '.', ',', '،'], StringSplitOptions.RemoveEmptyEntries));

    private static HashSet<(string, string)> SeedKeys(ContentSet content)
    {
        var keys = new HashSet<(string, string)>();
        foreach (var language in Languages.All)
        {
            foreach (var entry in content.Entries)
                foreach (var q in entry.Text(language).Questions) keys.Add((language.Code, KeyOf(language, q)));
            foreach (var kind in Enum.GetValues<Decline>())
                foreach (var q in content.OffTopic(language, kind)) keys.Add((language.Code, KeyOf(language, q)));
        }
        return keys;
    }
}
