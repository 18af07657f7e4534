using BennBot.FakeTelegram;

namespace BennBot.Tests.EndToEnd;

/// <summary>Pressing the buttons a user was actually shown, as a person would.</summary>
public static class Buttons
{
    /// <summary>Waits for a message to <paramref name="chatId"/> with a button whose data starts with
    /// <paramref name="prefix"/> (and, optionally, ends with <paramref name="suffix"/>), then presses it.</summary>
    public static async Task<string> Press(this FakeBotApi api, long chatId, long userId, string prefix, string? suffix = null, string language = "de", int after = 0)
    {
        var data = await api.WaitFor(() => api.MessagesTo(chatId).Skip(after).Reverse()
            .SelectMany(m => m.ButtonData).FirstOrDefault(d => d.StartsWith(prefix) && (suffix is null || d.EndsWith(suffix))), what: $"a button {prefix}…{suffix} for {chatId}");
        var update = FakeUpdates.CallbackQuery(userId, language, data);
        if (chatId < 0) update["message"]!["chat"] = FakeUpdates.Chat(chatId);
        api.Push("callback_query", update);
        return data;
    }

    /// <summary>Waits until the last message to <paramref name="chatId"/> shows a button labelled <paramref name="label"/>.</summary>
    public static Task<string> Shows(this FakeBotApi api, long chatId, string label) =>
        api.WaitFor(() => api.MessagesTo(chatId).LastOrDefault()?.Buttons.FirstOrDefault(b => b.Label == label).Label,
            what: $"a button '{label}' for {chatId}; last: {string.Join(" | ", api.MessagesTo(chatId).TakeLast(2).Select(m => m.Text + " " + string.Join(",", m.Buttons)))}");

    /// <summary><paramref name="userId"/> replies in the group <paramref name="chatId"/> to one of the bot's messages there,
    /// as Telegram delivers it: with that message's id (once the fake answered the send with one) and its plain text.</summary>
    public static async Task<long> Reply(this FakeBotApi api, long chatId, long userId, string text, ApiCall to)
    {
        var id = await api.WaitFor(() => to.MessageId is { } m ? (object)m : null, what: "the message id of the message replied to");
        return api.Push("message", FakeUpdates.GroupReply(chatId, userId, text, (int)id, BennBot.Content.Html.ToPlain(to.Text ?? "")));
    }

    /// <summary>Waits until <paramref name="chatId"/> has received a message containing <paramref name="text"/>.</summary>
    public static Task<ApiCall> Received(this FakeBotApi api, long chatId, string text, TimeSpan? timeout = null) =>
        api.WaitFor(() => api.MessagesTo(chatId).LastOrDefault(m => m.Text?.Contains(text) == true), timeout, $"'{text}' to {chatId}");
}
