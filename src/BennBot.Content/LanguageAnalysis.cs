using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Util;

namespace BennBot.Content;

/// <summary>Per-language stop words and stemming from Lucene.Net's analyzers (Arabic, Persian, German, English,
/// Turkish, Russian). Lucene has no Ukrainian analyzer here (Morfologik is not served), so Ukrainian is
/// tokenised and lower-cased only; the character trigrams of the matcher cover its inflections.</summary>
public sealed class LanguageAnalysis : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Dictionary<string, Analyzer> _analyzers;

    public LanguageAnalysis()
    {
        var german = new GermanAnalyzer(Version);
        _analyzers = new()
        {
            ["de"] = german,
            ["de-simple"] = german,
            ["en"] = new EnglishAnalyzer(Version),
            ["ar"] = new ArabicAnalyzer(Version),
            ["fa"] = new PersianAnalyzer(Version),
            ["tr"] = new TurkishAnalyzer(Version),
            ["ru"] = new RussianAnalyzer(Version),
            ["uk"] = Analyzer.NewAnonymous((field, reader) =>
            {
                var tokenizer = new StandardTokenizer(Version, reader);
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
            }),
        };
    }

    /// <summary>The stems of <paramref name="text"/> as <paramref name="language"/>'s analyzer sees them.</summary>
    public List<string> Stems(string text, Language language)
    {
        var stems = new List<string>();
        // Analyzers are thread-safe: each thread gets its own reused token stream.
        using var stream = _analyzers[language.Code].GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) stems.Add(term.ToString());
        stream.End();
        return stems;
    }

    public void Dispose()
    {
        foreach (var a in _analyzers.Values.Distinct()) a.Dispose();
    }
}
