using BennBot.Content;
using BennBot.Worker.Conversations;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace BennBot.Worker.Telegram;

/// <summary>Registers the "/" menu, the short description and the description ("What can this bot do?", the first
/// thing a resident reads before pressing Start) in every language Telegram knows us in, so residents see them in
/// their app's language (https://core.telegram.org/bots/api#setmycommands, #setmydescription).</summary>
public sealed partial class BotProfile(ITelegramBotClient bot, ContentSet content, Language defaultLanguage, ILogger<BotProfile> log, bool topicsOn = true)
{
    public async Task Register(CancellationToken ct)
    {
        var targets = Languages.All.Where(l => l.TelegramCode is not null)
            .Select(l => (Code: l.TelegramCode, Language: l))
            .Prepend((Code: (string?)null, Language: defaultLanguage)); // null: users whose language we do not speak
        foreach (var (code, language) in targets)
        {
            try
            {
                // Without a staff chat there are no topics, so "/topic" is not offered (issue 13).
                var commands = Conversation.Commands.Where(c => topicsOn || c != "topic").Select(c => new BotCommand(c, content.T(language, "command." + c)));
                await bot.SetMyCommands(commands, languageCode: code, cancellationToken: ct);
                await bot.SetMyShortDescription(content.T(language, "bot.short"), code, ct);
                await bot.SetMyDescription(content.T(language, "bot.description"), code, ct);
            }
            catch (RequestException e)
            {
                LogFailed(code ?? "default", e.GetType().Name); // not fatal: the bot works without its "/" menu
            }
        }
    }

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Could not register commands for language {Language} ({Error})")]
    private partial void LogFailed(string language, string error);
}
