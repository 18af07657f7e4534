namespace BennBot.Content;

/// <summary>Every entry rests on items of the fact sheet (issue 12): the items exist, each is verified or at least
/// secondary-sourced somewhere (not unverified or conflicting as a whole), and the entry shows the sources the sheet
/// gives for them — and no source the sheet does not give for them. The index is generated from the sheet by
/// tools/facts_index.py. What this cannot see: which sentence rests on which claim of an item; the reads recorded
/// in seeds/REVIEW.md do that.</summary>
public static class FactTrace
{
    internal static void Check(CatalogFile catalog, FactsIndexFile index, List<string> problems)
    {
        var items = (index.Items ?? []).Where(i => i.Id is not null).ToDictionary(i => i.Id!);
        if (items.Count == 0) problems.Add("facts-index.json: no items (generate it with tools/facts_index.py)");
        foreach (var e in catalog.Entries ?? [])
        {
            var where = $"catalog: entry '{e.Id}'";
            if (e.Checked is not null)
                problems.Add($"{where}: 'checked' claims a check of the live sources that nobody made; remove it (the sources show what the answer rests on)");
            if (e.Facts is not { Count: > 0 })
            {
                problems.Add($"{where}: 'facts' must list the fact-sheet items it rests on, e.g. [\"1.1\"]");
                continue;
            }
            var cited = new List<FactItemFile>();
            foreach (var id in e.Facts)
            {
                if (!items.TryGetValue(id, out var item)) problems.Add($"{where}: fact '{id}' is not an item of the fact sheet");
                else if (!Usable(item)) problems.Add($"{where}: fact '{id}' ({item.Title}) is unverified or conflicting as a whole in the fact sheet; leave it out or point to whom to ask");
                else cited.Add(item);
            }
            var sources = e.Sources ?? [];
            foreach (var item in cited)
            {
                var given = (item.Sources ?? []).Where(s => s.Address is not null).ToList();
                if (given.Count == 0) continue; // the sheet names no address for this item (e.g. 1.4): nothing to show
                var wanted = given.Any(s => s.Tag == "V") ? given.Where(s => s.Tag == "V").ToList() : given;
                if (!wanted.Any(w => sources.Any(s => Matches(s, w.Address!))))
                    problems.Add($"{where}: its sources must include one the fact sheet gives for {item.Id}: {string.Join(" | ", wanted.Select(w => w.Address))}");
            }
            foreach (var s in sources)
                if (!cited.SelectMany(i => i.Sources ?? []).Any(g => g.Address is not null && Matches(s, g.Address)))
                    problems.Add($"{where}: source '{s}' is not a source the fact sheet gives for {string.Join(", ", e.Facts)}");
        }
    }

    /// <summary>Verified (V) claims count; secondary (S) ones count unless the same claim is marked conflicting (C).
    /// A U beside a V or S marks an unverified detail of that claim, not the claim.</summary>
    internal static bool Usable(FactItemFile item) =>
        (item.Claims ?? []).Any(c => c.Tags is { } t && (t.Contains("V") || (t.Contains("S") && !t.Contains("C"))));

    /// <summary>An address from the sheet matches a source that is the same page, or a page below it when the sheet
    /// gives only a site or a folder ("berlin.de/lb/intmig"). Scheme, "www." and a final "/" do not matter.</summary>
    public static bool Matches(string source, string sheetAddress)
    {
        var s = Normal(source);
        var a = Normal(sheetAddress);
        return s == a || s.StartsWith(a + "/", StringComparison.Ordinal) || s.StartsWith(a + "?", StringComparison.Ordinal);
    }

    private static string Normal(string address)
    {
        var a = Uri.UnescapeDataString(address.Trim());
        var scheme = a.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) a = a[(scheme + 3)..];
        var slash = a.IndexOf('/');
        var host = (slash < 0 ? a : a[..slash]).ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var rest = slash < 0 ? "" : a[slash..];
        return (host + rest).TrimEnd('/');
    }
}
