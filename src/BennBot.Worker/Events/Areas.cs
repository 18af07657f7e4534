namespace BennBot.Worker.Events;

/// <summary>The planning areas (LOR 2021) of the BENN area Weißensee, as the fact sheet lists them
/// (../shared/facts.md, "Area – Planungsräume"), plus "elsewhere". Names are proper names, the same in every
/// language; only "elsewhere" is translated (ui key "area.other"). The bit names the area in button data that lists
/// several areas (a bit mask: the ids would not fit in 64 bytes): never change it or give it to another area, buttons
/// in chats keep it; a new area takes the next free bit (issue 14).</summary>
public static class Areas
{
    public const string Other = "other";

    public const int OtherBit = 7;

    public static readonly IReadOnlyList<(string Id, string Name, int ButtonBit)> Named =
    [
        ("buehring", "Bühringstraße", 0),
        ("weisser-see", "Weißer See", 1),
        ("spitze", "Weißenseer Spitze", 2),
        ("behaim", "Behaimstraße", 3),
        ("komponisten", "Komponistenviertel Weißensee", 4),
        ("rathaus", "Rathaus Weißensee", 5),
        ("hansa", "Hansastraße", 6),
    ];

    public static IEnumerable<string> Ids => Named.Select(a => a.Id).Append(Other);

    /// <summary>Every area with its bit, "elsewhere" last.</summary>
    public static IEnumerable<(string Id, int Bit)> Bits => Named.Select(a => (a.Id, a.ButtonBit)).Append((Other, OtherBit));

    public static bool IsKnown(string? id) => id is not null && Ids.Contains(id);

    /// <summary>The area's name; null for "elsewhere" (the caller translates it).</summary>
    public static string? Name(string id) => Named.FirstOrDefault(a => a.Id == id).Name;
}
