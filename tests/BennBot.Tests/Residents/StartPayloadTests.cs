using BennBot.Content;
using BennBot.Worker.Residents;

namespace BennBot.Tests.Residents;

/// <summary>The start parameter of a deep link (issue 18): what BennBot writes it reads back; anything else is not a
/// payload at all (the caller then gives the normal welcome).</summary>
public sealed class StartPayloadTests
{
    private static readonly ContentSet C = TestContent.Content;

    public static TheoryData<string> Written => new()
    {
        "lar_ahansa_fpetition", "lde-simple_aweisser-see_fpankow-beteiligt", "luk_e42", "lfa_t", "ahansa_s", "lru", "fmein-berlin",
    };

    [Theory]
    [MemberData(nameof(Written))]
    public void What_BennBot_writes_it_reads_back(string text)
    {
        var payload = StartPayload.Parse(text, C);
        Assert.NotNull(payload);
        Assert.Equal(text, payload.Format());
    }

    [Fact]
    public void A_payload_carries_language_area_and_one_target()
    {
        var p = StartPayload.Parse("lar_ahansa_e42", C)!;
        Assert.Equal(("ar", "hansa", StartTarget.Event, 42L), (p.Language!.Code, p.Area, p.Target, p.EventId!.Value));
        Assert.Equal("https://t.me/BennBot?start=lar_ahansa_e42", p.Link("@BennBot"));
        Assert.Equal("https://t.me/BennBot", new StartPayload(null, null, StartTarget.Home).Link("BennBot"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lxx")]                    // no such language
    [InlineData("ahansa_aspitze")]         // two areas
    [InlineData("aother")]                 // "elsewhere" is not a place to put on a poster
    [InlineData("fnosuchentry")]
    [InlineData("fpetition_t")]            // two targets
    [InlineData("e0")]
    [InlineData("e-3")]
    [InlineData("e99999999999999999999")]  // not a number that fits
    [InlineData("tx")]
    [InlineData("lar__t")]
    [InlineData("x1")]
    [InlineData("lar t")]
    [InlineData("lar_ahansa_fpetition_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // over 64 characters
    [InlineData("l\u0430r")]               // a Cyrillic а
    public void Anything_else_is_not_a_payload(string? text) => Assert.Null(StartPayload.Parse(text, C));
}
