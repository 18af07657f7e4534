using System.Text.RegularExpressions;

namespace BennBot.Content;

public sealed record Candidate(Entry Entry, double Score, Language Language);

/// <summary>How sure the bot is of its best entry: sure → the answer; check → the answer and "did I get that
/// right?" with the other candidates one tap away; unsure → up to three options and "ask the team".</summary>
public enum Band { Sure, Check, Unsure }

/// <summary>The outcome of a free question: an answer (sure, or to be checked); or the closest candidates when it is
/// not clear; or a decline when it is plainly about something else (legal questions get the counselling pointer,
/// courtesy alone a friendly word in kind).</summary>
public sealed record AskResult(bool Answered, Candidate? Best, IReadOnlyList<Candidate> Alternatives, Decline? Declined = null)
{
    public Band Band { get; init; } = Band.Unsure;
    /// <summary>The probability that <see cref="Best"/> is what the question is about.</summary>
    public double Probability { get; init; }
    /// <summary>Every entry, most likely first (for measuring).</summary>
    public IReadOnlyList<Candidate> Ranked { get; init; } = [];
    /// <summary>What the message said besides its question: a greeting, thanks.</summary>
    public Courtesy Courtesy { get; init; }
}

/// <summary>Finds the entry a free question is about, in any of our languages, whatever language the resident chose.
/// Greetings and thanks are taken out first (<see cref="CourtesyWords"/>); a message of several sentences is also
/// tried sentence by sentence, and the most certain reading wins. Two judges look at the rest: the
/// <see cref="IntentModel"/>, a classifier over the features of every language's analysis, and the TF-IDF similarity
/// to the seeds' texts (<see cref="Similarity"/>); their probabilities are averaged. The bands' thresholds were
/// chosen on development questions only (DevQuestions, QuestionSet, DevPhone), never on the held-out set.</summary>
public sealed class QuestionIndex : IDisposable
{
    // Chosen on the development questions with `content eval … --curve` (README, "How answering works").
    public const double SureAt = 0.75;          // the answer alone
    public const double CheckAt = 0.50;         // the answer, and "did I get that right?"
    private const double OfferAt = 0.08;        // an entry worth offering when unsure
    private const double ModelShare = 0.6;      // the classifier's share; the TF-IDF similarity has the rest
    private const double DeclineAt = 0.4;       // a decline must be at least this likely to be said
    private const double UnknownBelow = 0.2;    // below this similarity, and no known word: nothing to go on
    public const int MaxSmalltalkWords = 4;
    public const int MaxQuestionLength = 1000;
    private const int Epochs = 12;
    private const float Rate = 4;

    private readonly Similarity _similarity;
    private readonly IntentModel _model;
    private readonly List<string> _classes; // entry ids, then "!Legal", "!Other", "!Smalltalk"
    private readonly Dictionary<string, Entry> _entries;

    /// <param name="modelCache">A folder to keep the trained model in between starts (see <see cref="ModelCache"/>).</param>
    public QuestionIndex(ContentSet content, string? modelCache = null)
    {
        _entries = content.Entries.ToDictionary(e => e.Id);
        _similarity = new Similarity(content);
        _classes = content.Entries.Select(e => e.Id).Concat(Enum.GetValues<Decline>().Select(d => "!" + d)).ToList();
        var labels = _similarity.Texts.Select(t => _classes.IndexOf(t.Entry ?? "!" + t.Decline)).ToList();
        var key = ModelCache.Key(_similarity.Texts.Select((t, i) => $"{labels[i]}\t{t.Words}").Prepend($"{Epochs} {Rate} {string.Join(",", _classes)}"));
        _model = ModelCache.GetOrTrain(modelCache, key, _classes.Count, () => new IntentModel(_classes.Count,
            _similarity.Texts.Select((t, i) => ((IReadOnlyCollection<string>)_similarity.Analyse(t.Words).All(), labels[i], 1f)).ToList(), Epochs, Rate));
    }

    public AskResult Ask(string question)
    {
        if (question.Length > MaxQuestionLength) question = question[..MaxQuestionLength];
        var (rest, courtesy) = CourtesyWords.Split(question);
        if (!_similarity.HasWords(rest))
            return new(false, null, [], Decline.Smalltalk) { Courtesy = courtesy, Probability = 1 };
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var best = BestReading(rest, words);
        if (best.Unknown) return new(false, null, []) { Courtesy = courtesy }; // nothing in it BennBot knows: "no answer yet"
        var result = Decide(best) with { Courtesy = courtesy };
        // "thanks a lot", "danke dir", "hi there": courtesy and a word or two that say nothing sure.
        if (courtesy != Courtesy.None && words <= 2 && result.Band != Band.Sure)
            return new(false, null, [], Decline.Smalltalk) { Courtesy = courtesy, Probability = 1, Ranked = result.Ranked };
        return result;
    }

    private static readonly Regex Sentence = new(@"[^.!?؟\n;؛…]+[.!?؟\n;؛…]*", RegexOptions.Compiled);

    // The whole message, and each of its sentences when there are several: those that ask, when some do ("Ich wohne
    // in einer Unterkunft. Wie werde ich Mitglied im Beirat?" is about the council, not the accommodation).
    private static IEnumerable<string> Readings(string text)
    {
        yield return text;
        var sentences = Sentence.Matches(text).Select(m => m.Value.Trim()).Where(s => s.Length > 1).ToList();
        if (sentences.Count < 2) yield break;
        var asking = sentences.Where(s => s.EndsWith('?') || s.EndsWith('؟')).ToList();
        foreach (var s in asking.Count > 0 ? asking : sentences) yield return s;
    }

    // The most certain reading; the sentences are not read when the whole message is already sure.
    private (double[] P, Language?[] Languages, bool Unknown) BestReading(string text, int words)
    {
        (double[] P, Language?[] Languages, bool Unknown)? best = null;
        foreach (var reading in Readings(text))
        {
            var judged = Judge(reading, words);
            if (best is null || judged.P.Max() > best.Value.P.Max()) best = judged;
            if (best.Value.P.Max() >= SureAt) break;
        }
        return best!.Value;
    }

    // Small talk is short: a longer message is never taken for it, whatever words it shares with "how are you".
    private (double[] P, Language?[] Languages, bool Unknown) Judge(string text, int words)
    {
        var analysed = _similarity.Analyse(text);
        var features = analysed.All();
        var model = _model.Predict(features);
        var (similar, languages, closest) = _similarity.Probabilities(analysed, _classes);
        var p = model.Select((p, c) => ModelShare * p + (1 - ModelShare) * similar[c]).ToArray();
        if (words > MaxSmalltalkWords) p[_classes.IndexOf("!" + Decline.Smalltalk)] = 0;
        // Not one word BennBot knows, and only chance letter groups in common with its texts: nothing to go on.
        var unknown = closest < UnknownBelow && !features.Any(f => f.StartsWith("w:", StringComparison.Ordinal) && _model.Knows(f));
        return (p, languages, unknown);
    }

    private AskResult Decide((double[] P, Language?[] Languages, bool Unknown) judged)
    {
        var p = judged.P;
        var ranked = Enumerable.Range(0, _classes.Count).Where(c => !_classes[c].StartsWith('!')).OrderByDescending(c => p[c])
            .Select(c => new Candidate(_entries[_classes[c]], p[c], judged.Languages[c] ?? Languages.All[0])).ToList();
        var top = Enumerable.Range(0, _classes.Count).MaxBy(c => p[c]);
        if (_classes[top].StartsWith('!') && p[top] >= DeclineAt)
            return new(false, ranked[0], [], Enum.Parse<Decline>(_classes[top][1..])) { Ranked = ranked, Probability = p[top] };
        // A weak decline is no decline: the closest entries are offered.
        var band = _classes[top].StartsWith('!') ? Band.Unsure : p[top] >= SureAt ? Band.Sure : p[top] >= CheckAt ? Band.Check : Band.Unsure;
        // Unsure, and "about something else" weighs as much as the best entry: entries would only mislead.
        var other = p[_classes.IndexOf("!" + Decline.Other)];
        if (band == Band.Unsure && other >= ranked[0].Score)
            return new(false, ranked[0], [], Decline.Other) { Ranked = ranked, Probability = other };
        var offers = ranked.Where(c => c.Score >= OfferAt).Take(3).ToList();
        if (band == Band.Check) offers = offers.Skip(1).ToList(); // the others, one tap away
        return new(band != Band.Unsure, ranked[0], band == Band.Sure ? [] : offers) { Ranked = ranked, Probability = p[top], Band = band };
    }

    public void Dispose() => _similarity.Dispose();
}
