namespace BennBot.Worker.Events;

/// <summary>The planning areas (LOR 2021) of the BENN area Weißensee, as the fact sheet lists them
/// (../shared/facts.md, "Area – Planungsräume"), plus "elsewhere". Names are proper names, the same in every
/// language; only "elsewhere" is translated (ui key "area.other").</summary>
public static class Areas
{
    public const string Other = "other";

    public static readonly IReadOnlyList<(string Id, string Name)> Named =
    [
        ("buehring", "Bühringstraße"),
        ("weisser-see", "Weißer See"),
        ("spitze", "Weißenseer Spitze"),
        ("behaim", "Behaimstraße"),
        ("komponisten", "Komponistenviertel Weißensee"),
        ("rathaus", "Rathaus Weißensee"),
        ("hansa", "Hansastraße"),
    ];

    public static IEnumerable<string> Ids => Named.Select(a => a.Id).Append(Other);

    public static bool IsKnown(string? id) => id is not null && Ids.Contains(id);

    /// <summary>The area's name; null for "elsewhere" (the caller translates it).</summary>
    public static string? Name(string id) => Named.FirstOrDefault(a => a.Id == id).Name;
}
