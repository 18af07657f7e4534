using BennBot.Worker.Conversations;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BennBot.Worker.Telegram;

/// <summary>Telegram update → our <see cref="Incoming"/>. Residents talk to the bot in private chats; the staff
/// group chat is passed on (marked, with the id of the bot message a staff member replied to); any other group
/// is ignored.</summary>
public static class UpdateMapper
{
    /// <summary>The chat whose updates must stay in order (0 when the update belongs to no chat).</summary>
    public static long ChatKey(Update u) =>
        u.Message?.Chat.Id ?? u.EditedMessage?.Chat.Id ?? u.CallbackQuery?.Message?.Chat.Id
        ?? u.CallbackQuery?.From.Id ?? u.MyChatMember?.Chat.Id ?? 0;

    public static Incoming Map(Update u, string? botUsername, long? staffChatId = null, long botId = 0)
    {
        if (u.Message is { } m)
        {
            if (m.From is not { } from) return Ignored(u);
            var inStaffChat = m.Chat.Id == staffChatId;
            if (m.Document is not null && (m.Chat.Type == ChatType.Private || inStaffChat))
                return new Incoming.Document(u.Id, m.Chat.Id, from.Id, from.LanguageCode, InStaffChat: inStaffChat);
            if (m.Chat.Type != ChatType.Private && !inStaffChat) return Ignored(u);
            // In the staff chat, a reply answers a question or topic; in a private chat, staff correct an example's preview
            // (issue 16) or record an answer (issue 15) by replying to the bot's message.
            var replyTo = RepliedTo(m, botId);
            // Staff answer a question, or record an answer, with a voice message too (issue 15).
            if (inStaffChat && m.Voice is { } staffVoice) return Voice(u, m, from, staffVoice, replyTo, inStaffChat);
            if (m.Text is { } text)
                return Command(m, botUsername) is { } command
                    ? new Incoming.Command(u.Id, m.Chat.Id, from.Id, from.LanguageCode, command, Arguments(m), inStaffChat)
                    : new Incoming.Text(u.Id, m.Chat.Id, from.Id, from.LanguageCode, text.Trim(), replyTo, inStaffChat);
            if (m.Voice is { } voice) return Voice(u, m, from, voice, replyTo, inStaffChat);
            return inStaffChat ? Ignored(u) : new Incoming.Unsupported(u.Id, m.Chat.Id, from.Id, from.LanguageCode);
        }
        if (u.EditedMessage is { Chat.Type: ChatType.Private, From: { } editor } e)
            return new Incoming.Edited(u.Id, e.Chat.Id, editor.Id, editor.LanguageCode);
        if (u.CallbackQuery is { } q)
        {
            var chat = q.Message?.Chat;
            var inStaffChat = chat is not null && chat.Id == staffChatId;
            if (chat is not null && chat.Type != ChatType.Private && !inStaffChat) return Ignored(u);
            return new Incoming.Button(u.Id, chat?.Id ?? q.From.Id, q.From.Id, q.From.LanguageCode, q.Data ?? "", q.Id, inStaffChat);
        }
        if (u.MyChatMember is { Chat.Type: ChatType.Private } member)
            return member.NewChatMember.Status is ChatMemberStatus.Kicked
                ? new Incoming.BlockedBot(u.Id, member.Chat.Id, member.From.Id)
                : new Incoming.UnblockedBot(u.Id, member.Chat.Id, member.From.Id);
        return Ignored(u);
    }

    private static Incoming.Voice Voice(Update u, Message m, User from, global::Telegram.Bot.Types.Voice voice, long? replyTo, bool inStaffChat) =>
        new(u.Id, m.Chat.Id, from.Id, from.LanguageCode, voice.FileId, voice.Duration, voice.FileSize ?? 0, replyTo, inStaffChat);

    private static long? RepliedTo(Message m, long botId) => m.ReplyToMessage is { From.Id: var author } r && author == botId ? r.MessageId : null;

    // "/start", "/Start@BennBot arg" → "start"; a command addressed to another bot is not ours.
    private static string? Command(Message m, string? botUsername)
    {
        if (m.Entities is not [{ Type: MessageEntityType.BotCommand, Offset: 0 } entity, ..]) return null;
        var token = m.Text![1..entity.Length];
        var at = token.IndexOf('@');
        if (at >= 0)
        {
            if (botUsername is not null && !token[(at + 1)..].Equals(botUsername, StringComparison.OrdinalIgnoreCase)) return null;
            token = token[..at];
        }
        return token.ToLowerInvariant();
    }

    // "/event 12" → "12"; "" when the command stands alone.
    private static string Arguments(Message m) =>
        m.Entities is [{ Type: MessageEntityType.BotCommand } entity, ..] && m.Text!.Length > entity.Length ? m.Text[entity.Length..].Trim() : "";

    private static Incoming Ignored(Update u) => new Incoming.Ignored(u.Id, ChatKey(u));
}
