using System.Text.Json.Nodes;
using BennBot.Content;

namespace BennBot.Tests.Content;

/// <summary>Issue 12: every entry rests on items of the fact sheet, and content check says so when it does not.</summary>
public sealed class FactTraceTests : IDisposable
{
    private const string Reinickendorf = "https://www.berlin.de/ba-reinickendorf/";
    private const string PankowBeteiligt = "https://berlin.de/ba-pankow/politik-und-verwaltung/service-und-organisationseinheiten/sozialraumorientierte-planungskoordination/beteiligungsmoeglichkeiten/artikel.1426443.php";

    private readonly SeedsCopy _seeds = new();

    public void Dispose() => _seeds.Dispose();

    [Fact]
    public void The_real_seeds_rest_only_on_fact_sheet_items_and_show_their_sources() =>
        Assert.Empty(SeedLoader.Load(_seeds.Dir).Problems);

    [Fact]
    public void A_made_up_fact_id_is_reported()
    {
        _seeds.EditEntry("volksinitiative", e => e["facts"] = new JsonArray("1.2", "1.99"));
        Assert.Contains(_seeds.Problems(), p => p.Contains("'volksinitiative'") && p.Contains("fact '1.99' is not an item of the fact sheet"));
    }

    [Fact]
    public void An_entry_without_facts_is_reported()
    {
        _seeds.EditEntry("petition", e => e.Remove("facts"));
        Assert.Contains(_seeds.Problems(), p => p.Contains("'petition'") && p.Contains("'facts' must list"));
    }

    [Theory]
    [InlineData("U")]   // unverified throughout
    [InlineData("C")]   // conflicting throughout
    [InlineData("S,C")] // a secondary source on one side of a conflict
    [InlineData("")]    // no tag at all ("derived", "general principle")
    public void An_item_that_is_unverified_or_conflicting_as_a_whole_is_reported(string tags)
    {
        AddItem("9.1", tags);
        _seeds.EditEntry("volksinitiative", e => e["facts"] = new JsonArray("1.2", "9.1"));
        Assert.Contains(_seeds.Problems(), p => p.Contains("fact '9.1'") && p.Contains("unverified or conflicting as a whole"));
    }

    [Theory]
    [InlineData("V,U")] // verified, with an unverified detail ("[U: current hours]")
    [InlineData("S,U")]
    public void An_item_with_a_verified_or_secondary_claim_beside_unverified_details_may_be_cited(string tags)
    {
        AddItem("9.1", tags, "C"); // and a second claim that is conflicting: the item still has a usable claim
        _seeds.EditEntry("volksinitiative", e => e["facts"] = new JsonArray("1.2", "9.1"));
        Assert.Empty(SeedLoader.Load(_seeds.Dir).Problems);
    }

    [Fact]
    public void An_entry_whose_sources_miss_the_page_the_sheet_gives_is_reported()
    {
        // The issue's own example: the Volksinitiative figures come from the Reinickendorf page (1.2), not from Pankow beteiligt.
        _seeds.EditEntry("volksinitiative", e => e["sources"] = new JsonArray(PankowBeteiligt));
        var problems = _seeds.Problems();
        Assert.Contains(problems, p => p.Contains("'volksinitiative'") && p.Contains("must include one the fact sheet gives for 1.2") && p.Contains("berlin.de/ba-reinickendorf"));
        Assert.Contains(problems, p => p.Contains("'volksinitiative'") && p.Contains($"source '{PankowBeteiligt}' is not a source the fact sheet gives for 1.2"));
    }

    [Fact]
    public void A_source_the_sheet_does_not_give_for_the_entrys_facts_is_reported_even_beside_the_right_one()
    {
        _seeds.EditEntry("volksinitiative", e => e["sources"] = new JsonArray(Reinickendorf, "https://example.org/blog"));
        var problems = _seeds.Problems();
        Assert.Single(problems);
        Assert.Contains("source 'https://example.org/blog' is not a source the fact sheet gives", problems[0]);
    }

    [Fact]
    public void A_checked_date_is_reported_because_nobody_checked_the_live_sources()
    {
        _seeds.EditEntry("petition", e => e["checked"] = "2026-11-25");
        Assert.Contains(_seeds.Problems(), p => p.Contains("'petition'") && p.Contains("'checked'"));
    }

    [Theory]
    [InlineData("https://www.berlin.de/lb/intmig/", "berlin.de/lb/intmig", true)]
    [InlineData("http://berlin.de/lb/intmig/wahl/artikel.1.php", "berlin.de/lb/intmig", true)]
    [InlineData("https://www.berlin.de/lb/intmigration/", "berlin.de/lb/intmig", false)]
    [InlineData("https://www.berlin.de/", "berlin.de/lb/intmig", false)]
    [InlineData("https://sgk-berlin.de/wiki/Bürgerdeputierte", "sgk-berlin.de/wiki/B%C3%BCrgerdeputierte", true)]
    public void A_sheet_address_matches_the_same_page_or_a_page_below_it(string source, string sheet, bool matches) =>
        Assert.Equal(matches, FactTrace.Matches(source, sheet));

    private void AddItem(string id, params string[] claimTags) =>
        _seeds.Edit("facts-index.json", f => f["items"]!.AsArray().Add(new JsonObject
        {
            ["id"] = id,
            ["title"] = "Test item",
            ["sources"] = new JsonArray(new JsonObject { ["address"] = "berlin.de/ba-reinickendorf", ["tag"] = "V" }),
            ["claims"] = new JsonArray(claimTags.Select(t => (JsonNode)new JsonObject
            {
                ["tags"] = new JsonArray(t.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => (JsonNode)JsonValue.Create(x)!).ToArray()),
            }).ToArray()),
        }));
}
