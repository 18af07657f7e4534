using BennBot.Content;
using BennBot.Worker.Hosting;
using Microsoft.Extensions.Configuration;

namespace BennBot.Tests.Hosting;

public sealed class OptionsTests
{
    private static (BennBotOptions Options, List<string> Problems) Read(params (string Key, string Value)[] settings) =>
        BennBotOptions.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("BennBot:" + s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Without_settings_the_defaults_apply_and_there_is_no_token()
    {
        var (o, problems) = Read();
        Assert.Empty(problems);
        Assert.Null(o.Token);
        Assert.Equal("data/bennbot.db", o.DatabasePath);
        Assert.Equal(new Uri("https://api.telegram.org"), o.ApiBaseUrl);
        Assert.Equal(Languages.German, o.DefaultLanguage);
        Assert.Equal(25, o.MessagesPerSecond);
    }

    [Fact]
    public void Every_invalid_value_gets_its_own_sentence_and_the_token_is_never_repeated()
    {
        var (_, problems) = Read(
            ("Telegram:Token", "not-a-token-SECRET"), ("Telegram:ApiBaseUrl", "ftp://x"), ("Staff:UserIds:0", "abc"),
            ("Staff:ChatId", "zero"), ("DefaultLanguage", "xx"), ("Broadcast:MessagesPerSecond", "0"), ("Telemetry:OtlpEndpoint", "collector"),
            ("Telemetry:ExportSeconds", "0"), ("Privacy:InactiveDays", "1"), ("Privacy:TopicLinkDays", "forever"),
            ("Privacy:RetentionMinutes", "0"));
        Assert.Equal(11, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("BennBot__Privacy__RetentionMinutes"));
        Assert.Contains(problems, p => p.StartsWith("BennBot__Telemetry__OtlpEndpoint"));
        Assert.Contains(problems, p => p.StartsWith("BennBot__Privacy__InactiveDays"));
        Assert.Contains(problems, p => p.StartsWith("BennBot__Telegram__Token"));
        Assert.Contains(problems, p => p.StartsWith("BennBot__Staff__UserIds__0"));
        Assert.Contains(problems, p => p.StartsWith("BennBot__DefaultLanguage") && p.Contains("de-simple"));
        Assert.DoesNotContain(problems, p => p.Contains("SECRET"));
    }

    [Fact]
    public void Staff_ids_and_a_group_chat_id_are_read()
    {
        var (o, problems) = Read(("Staff:UserIds:0", "111"), ("Staff:UserIds:1", "222"), ("Staff:ChatId", "-100123"), ("DefaultLanguage", "ar"));
        Assert.Empty(problems);
        Assert.Equal([111L, 222L], o.StaffUserIds);
        Assert.Equal(-100123, o.StaffChatId);
        Assert.Equal(Languages.Arabic, o.DefaultLanguage);
    }

    // Issue 19: with ChatId=5555, resident 5555's private chat received every topic card and question with review buttons.
    [Fact]
    public void A_private_chat_as_staff_chat_is_refused_with_one_sentence()
    {
        var (o, problems) = Read(("Staff:ChatId", "5555"));
        Assert.Null(o.StaffChatId);
        var problem = Assert.Single(problems);
        Assert.StartsWith("BennBot__Staff__ChatId must be the id of the staff group", problem);
        Assert.Contains("'5555', which is a private chat", problem);
    }
}
