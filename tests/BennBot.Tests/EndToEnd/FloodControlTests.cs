namespace BennBot.Tests.EndToEnd;

public sealed class FloodControlTests
{
    [Fact]
    public async Task A_429_pauses_sending_for_retry_after_and_the_reply_still_arrives_once()
    {
        await using var bot = await BotUnderTest.Start();
        bot.Api.Fail("sendMessage", 429, retryAfter: 2, description: "Too Many Requests: retry after 2");
        var asked = DateTimeOffset.UtcNow;
        bot.Api.SendText(6001, "/help", "en");

        var reply = (await bot.Api.WaitForMessages(6001, 2, TimeSpan.FromSeconds(15)))[^1];
        var attempts = bot.Api.MessagesTo(6001);
        Assert.Equal(2, attempts.Count); // the refused attempt and the delivered one
        Assert.True(reply.At - asked >= TimeSpan.FromSeconds(1.9), $"resent after {(reply.At - asked).TotalSeconds:0.00} s");
        Assert.Contains("/menu", reply.Text);
    }

    [Fact]
    public async Task When_telegram_fails_with_5xx_the_reply_is_retried_and_delivered()
    {
        await using var bot = await BotUnderTest.Start();
        bot.Api.Fail("sendMessage", 502, times: 2, description: "Bad Gateway");
        bot.Api.SendText(6002, "/help", "en");
        var replies = await bot.Api.WaitForMessages(6002, 3, TimeSpan.FromSeconds(15));
        Assert.Contains("/menu", replies[2].Text);
    }

    [Fact]
    public async Task The_token_never_appears_in_the_captured_logs_of_an_in_process_run()
    {
        await using var bot = await BotUnderTest.Start();
        bot.Api.Fail("sendMessage", 403, description: "Forbidden: bot was blocked by the user");
        bot.Api.SendText(6003, "/start", "en");
        bot.Api.SendText(6003, "/help", "en");
        await bot.Api.WaitForMessages(6003, 2);
        Assert.NotEmpty(bot.Logs.Lines);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Forbidden"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("secret-part"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("/start")); // nor what residents wrote
    }
}
