using BennBot.Worker.Conversations;
using Telegram.Bot.Types.ReplyMarkups;

namespace BennBot.Worker.Telegram;

public static class TelegramMarkup
{
    public static InlineKeyboardMarkup? Of(Keyboard? keyboard) => keyboard is null ? null
        : new InlineKeyboardMarkup(keyboard.Rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))));
}
