using System.Text.Json;
using System.Text.Json.Nodes;
using BennBot.FakeTelegram;
using BennBot.Worker.Hosting;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace BennBot.Tests.EndToEnd;

/// <summary>An update that was saved but whose handling failed (the disk ran full between saving and handling, say)
/// is not left waiting for the next restart: the housekeeping sweep hands it to the workers again.</summary>
public sealed class UpdateRetryTests
{
    [Fact]
    public async Task A_saved_update_whose_handling_failed_a_while_ago_is_answered_by_the_next_sweep_without_a_restart()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:DefaultLanguage=en");
        var db = bot.Services.GetRequiredService<Database>();
        var json = new JsonObject { ["update_id"] = 990_001, ["message"] = FakeUpdates.Message(7701, "en", "/help") }.ToJsonString();
        var update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;
        await db.Write(d => Inbox.SaveNew(d, [new InboxUpdate
        {
            Id = update.Id, ChatKey = 7701, Json = JsonSerializer.Serialize(update, JsonBotAPI.Options),
            ReceivedAt = DateTime.UtcNow - Housekeeping.RetryUpdatesAfter - TimeSpan.FromSeconds(5), Attempts = 2,
        }]));

        await bot.Api.WaitFor(() => bot.Api.DeliveredTo(7701) >= 1 ? bot.Api : null, Housekeeping.Interval + TimeSpan.FromSeconds(15), "the answer after the sweep");
        Assert.Equal(InboxStatus.Done, db.Read(d => Inbox.Find(d, update.Id))!.Status);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, bot.Api.DeliveredTo(7701));
    }
}
