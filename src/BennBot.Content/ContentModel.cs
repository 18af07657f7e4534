namespace BennBot.Content;

/// <summary>One participation option. Facts are language-neutral (sources, category); words are per language.
/// <c>Share</c>: the answer invites residents to bring their concerns and ideas, so it offers sharing one as a topic.</summary>
public sealed record Entry(
    string Id,
    string Category,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Who,
    IReadOnlyDictionary<string, EntryText> Texts,
    bool Share = false)
{
    public EntryText Text(Language language) => Texts[language.Code];
}

public sealed record EntryText(string Title, string Answer, IReadOnlyList<string> Questions);

/// <summary>Kinds of residents the guided path asks about ("who are you?").</summary>
public static class Audiences
{
    public static readonly IReadOnlyList<string> All = ["parent", "tenant", "worker", "young", "accommodation", "everyone"];
}

/// <summary>Questions that are not about an entry: legal ones get the pointer to independent counselling, small
/// talk (hello, thanks) a friendly word, a question about what is on in the neighbourhood the list of upcoming events,
/// anything else a kind "I can only help with taking part". New kinds go at the end: the model's classes follow this order.</summary>
public enum Decline { Legal, Other, Smalltalk, Events }

/// <summary>Everything loaded from <c>seeds/</c>: the catalog plus the words in every language.</summary>
public sealed class ContentSet(
    IReadOnlyList<string> categoryIds,
    IReadOnlyList<Entry> entries,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ui,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> categoryTitles,
    IReadOnlyDictionary<string, IReadOnlyDictionary<Decline, IReadOnlyList<string>>> offTopic)
{
    private readonly Dictionary<string, Entry> _byId = entries.ToDictionary(e => e.Id);

    public IReadOnlyList<Entry> Entries { get; } = entries;

    /// <summary>Categories that have at least one entry, in catalog order.</summary>
    public IReadOnlyList<string> Categories { get; } =
        categoryIds.Where(c => entries.Any(e => e.Category == c)).ToList();

    public Entry? Entry(string id) => _byId.GetValueOrDefault(id);

    public bool HasCategory(string id) => Categories.Contains(id);

    public IEnumerable<Entry> InCategory(string category) => Entries.Where(e => e.Category == category);

    public string CategoryTitle(string category, Language language) => categoryTitles[language.Code][category];

    /// <summary>A UI text with its {placeholders} filled in, and the noun beside a number in the language's
    /// plural form (<see cref="Plural"/>).</summary>
    public string T(Language language, string key, params (string Name, object Value)[] args)
    {
        var text = Plural.Apply(ui[language.Code][key], language.Code, args.ToDictionary(a => a.Name, a => a.Value));
        foreach (var (name, value) in args) text = text.Replace("{" + name + "}", value.ToString());
        return text;
    }

    /// <summary>Example questions BennBot should decline, in one language.</summary>
    public IReadOnlyList<string> OffTopic(Language language, Decline kind) => offTopic[language.Code][kind];

    /// <summary>The same content with only the example questions that <paramref name="keep"/> keeps (for measuring
    /// answering on examples the model has not seen: see <see cref="CrossValidation"/>).</summary>
    public ContentSet WithExamples(Func<Language, string, bool> keep) => new(categoryIds,
        Entries.Select(e => e with
        {
            Texts = e.Texts.ToDictionary(t => t.Key, t => t.Value with { Questions = t.Value.Questions.Where(q => keep(Languages.Find(t.Key)!, q)).ToList() }),
        }).ToList(),
        ui, categoryTitles,
        offTopic.ToDictionary(l => l.Key, l => (IReadOnlyDictionary<Decline, IReadOnlyList<string>>)l.Value.ToDictionary(k => k.Key,
            k => (IReadOnlyList<string>)k.Value.Where(q => keep(Languages.Find(l.Key)!, q)).ToList())));
}
