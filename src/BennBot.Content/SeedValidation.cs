namespace BennBot.Content;

internal static class SeedValidation
{
    public static List<string> CheckCategories(CatalogFile catalog, List<string> problems)
    {
        var ids = new List<string>();
        foreach (var c in catalog.Categories ?? [])
        {
            if (c.Id is null || !SeedLoader.IdPattern().IsMatch(c.Id)) problems.Add($"catalog: category id '{c.Id}' is not a short lowercase id");
            else if (ids.Contains(c.Id)) problems.Add($"catalog: category '{c.Id}' is listed twice");
            else ids.Add(c.Id);
        }
        if (ids.Count == 0) problems.Add("catalog: no categories");
        return ids;
    }

    public static List<EntryRef> CheckEntries(CatalogFile catalog, List<string> categories, List<string> problems)
    {
        var entries = new List<EntryRef>();
        var all = (catalog.Entries ?? []).Select(e => e.Id).ToHashSet();
        foreach (var e in catalog.Entries ?? [])
        {
            var where = $"catalog: entry '{e.Id}'";
            var before = problems.Count;
            if (e.Id is null || !SeedLoader.IdPattern().IsMatch(e.Id)) problems.Add($"{where}: id must be lowercase letters, digits and '-', at most 40 (button data carries it and Telegram allows 64 bytes)");
            else if (entries.Any(x => x.Id == e.Id)) problems.Add($"{where}: two entries share this id");
            if (e.Category is null || !categories.Contains(e.Category)) problems.Add($"{where}: unknown category '{e.Category}'");
            if (e.Sources is not { Count: > 0 }) problems.Add($"{where}: no source");
            foreach (var s in e.Sources ?? [])
                if (!Uri.TryCreate(s, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http"))
                    problems.Add($"{where}: source '{s}' is not a web address");
            if (e.Who is not { Count: > 0 }) problems.Add($"{where}: 'who' must name at least one of {string.Join(", ", Audiences.All)}");
            foreach (var w in e.Who ?? [])
                if (!Audiences.All.Contains(w)) problems.Add($"{where}: 'who' value '{w}' is not one of {string.Join(", ", Audiences.All)}");
            foreach (var r in e.Related ?? [])
                if (r == e.Id || !all.Contains(r)) problems.Add($"{where}: related entry '{r}' does not exist");
            if (problems.Count == before) entries.Add(e);
        }
        if (catalog.Entries is not { Count: > 0 }) problems.Add("catalog: no entries");
        return entries;
    }

    public static void CheckTexts(Dictionary<string, TextsFile> texts, List<string> categories, List<EntryRef> entries, List<string> problems)
    {
        var reference = texts[SeedLoader.ReferenceLanguage].Ui ?? [];
        foreach (var (code, file) in texts)
        {
            var where = $"texts/{code}.json";
            if (file.Language != code) problems.Add($"{where}: \"language\" must be \"{code}\"");
            var ui = file.Ui ?? [];
            foreach (var key in reference.Keys.Except(ui.Keys)) problems.Add($"{where}: ui text '{key}' is missing");
            foreach (var key in ui.Keys.Except(reference.Keys)) problems.Add($"{where}: ui text '{key}' is unknown (not in en.json)");
            foreach (var (key, value) in ui)
            {
                CheckPlain($"{where}: ui '{key}'", value, problems);
                if (reference.TryGetValue(key, out var en) && !SamePlaceholders(en, value))
                    problems.Add($"{where}: ui '{key}' must use the placeholders of en.json: {string.Join(" ", Placeholders(en))}");
                foreach (var p in Plural.Problems(value, code)) problems.Add($"{where}: ui '{key}': {p}");
            }
            if (ui.GetValueOrDefault("bot.short") is { Length: > 120 }) problems.Add($"{where}: 'bot.short' is longer than Telegram's 120 characters");
            foreach (var (key, value) in ui.Where(u => u.Key.StartsWith("command.")))
                if (value.Length is < 1 or > 256) problems.Add($"{where}: '{key}' must be 1–256 characters for Telegram");
            foreach (var c in categories)
                if (string.IsNullOrWhiteSpace(file.Categories?.GetValueOrDefault(c))) problems.Add($"{where}: category '{c}' has no title");
            foreach (var e in entries) CheckEntryText(where, e.Id!, file.Entries?.GetValueOrDefault(e.Id!), problems);
            if (file.OffTopic?.Legal is not { Count: >= 5 } || file.OffTopic.Other is not { Count: >= 5 } || file.OffTopic.Smalltalk is not { Count: >= 5 }
                || file.OffTopic.Events is not { Count: >= 5 })
                problems.Add($"{where}: 'offtopic' needs at least 5 'legal', 5 'other', 5 'smalltalk' and 5 'events' examples");
            foreach (var id in (file.Entries ?? []).Keys.Except(entries.Select(e => e.Id!)))
                problems.Add($"{where}: entry '{id}' is not in catalog.json");
        }
    }

    private static void CheckEntryText(string where, string id, EntryTextFile? text, List<string> problems)
    {
        where = $"{where}: entry '{id}'";
        if (text is null) { problems.Add($"{where} is missing"); return; }
        if (string.IsNullOrWhiteSpace(text.Title)) problems.Add($"{where}: no title");
        else if (text.Title.Length > SeedLoader.MaxButtonLabel) problems.Add($"{where}: title longer than {SeedLoader.MaxButtonLabel} characters (it is a button label)");
        if (string.IsNullOrWhiteSpace(text.Answer)) problems.Add($"{where}: no answer");
        if (text.Questions is not { Count: >= 3 }) problems.Add($"{where}: fewer than 3 example questions");
        CheckPlain($"{where} title", text.Title ?? "", problems);
        CheckPlain($"{where} answer", text.Answer ?? "", problems);
    }

    public static void CheckRendered(ContentSet content, List<string> problems)
    {
        foreach (var language in Languages.All)
            foreach (var entry in content.Entries)
            {
                var length = Html.ToPlain(AnswerCard.Render(content, entry, language)).Length;
                if (length > TextSplitter.TelegramLimit)
                    problems.Add($"texts/{language.Code}.json: entry '{entry.Id}' answer is {length} characters; Telegram allows {TextSplitter.TelegramLimit}");
            }
    }

    // Texts are plain: the bot escapes them. Angle brackets are almost always a pasted tag, so flag them.
    // Digits: numbers filled in, addresses, postcodes and dates are written 0–9, so a text that used ۵ or ٥ would
    // mix two digit styles in one message (issue 12).
    private static void CheckPlain(string where, string value, List<string> problems)
    {
        if (value.Contains('<') || value.Contains('>')) problems.Add($"{where}: contains '<' or '>' (texts are plain, no markup)");
        if (value.Any(c => char.IsControl(c) && c != '\n')) problems.Add($"{where}: contains a control character");
        if (value.Any(c => char.IsDigit(c) && c is < '0' or > '9')) problems.Add($"{where}: write numbers with the digits 0–9, as addresses, dates and the numbers the bot fills in are written (one digit style per message)");
    }

    private static bool SamePlaceholders(string a, string b) => Placeholders(a).SetEquals(Placeholders(b));

    private static HashSet<string> Placeholders(string s) =>
        SeedLoader.Placeholder().Matches(Plural.Without(s)).Select(m => m.Value).Concat(Plural.Names(s).Select(n => "{" + n + "}")).ToHashSet();
}
