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
            if (m.From is null) return Ignored(u);
            if (m.Document is { } doc && (m.Chat.Type == ChatType.Private || m.Chat.Id == staffChatId))
                return new(u.Id, m.Chat.Id, m.From.Id, IncomingKind.Document, m.From.LanguageCode, Text: doc.FileName, InStaffChat: m.Chat.Id == staffChatId);
            if (m.Chat.Type != ChatType.Private)
            {
                if (m.Chat.Id != staffChatId) return Ignored(u);
                long? replyTo = RepliedTo(m, botId);
                // Staff answer a question, or record an answer, with a voice message too (issue 15).
                if (m.Voice is { } staffVoice) return VoiceMessage(u, m, staffVoice, replyTo, inStaffChat: true);
                if (m.Text is null) return Ignored(u);
                var staffCommand = Command(m, botUsername);
                return new(u.Id, m.Chat.Id, m.From.Id, staffCommand is null ? IncomingKind.Text : IncomingKind.Command,
                    m.From.LanguageCode, Text: staffCommand is null ? m.Text.Trim() : Arguments(m), Command: staffCommand, InStaffChat: true, ReplyTo: replyTo);
            }
            if (m.Text is { } text)
            {
                var command = Command(m, botUsername);
                // A reply to one of the bot's own messages: staff correct an example's preview this way (issue 16).
                long? replyTo = m.ReplyToMessage is { From.Id: var author } r && author == botId ? r.MessageId : null;
                return command is null
                    ? new(u.Id, m.Chat.Id, m.From.Id, IncomingKind.Text, m.From.LanguageCode, Text: text.Trim(), ReplyTo: replyTo)
                    : new(u.Id, m.Chat.Id, m.From.Id, IncomingKind.Command, m.From.LanguageCode, Text: Arguments(m), Command: command);
            }
            if (m.Voice is { } voice) return VoiceMessage(u, m, voice, RepliedTo(m, botId), inStaffChat: false);
            return new(u.Id, m.Chat.Id, m.From.Id, IncomingKind.Unsupported, m.From.LanguageCode);
        }
        if (u.EditedMessage is { Chat.Type: ChatType.Private, From: { } editor } e)
            return new(u.Id, e.Chat.Id, editor.Id, IncomingKind.Edited, editor.LanguageCode);
        if (u.CallbackQuery is { } q)
        {
            var chat = q.Message?.Chat;
            var inStaffChat = chat is not null && chat.Id == staffChatId;
            if (chat is not null && chat.Type != ChatType.Private && !inStaffChat) return Ignored(u);
            return new(u.Id, chat?.Id ?? q.From.Id, q.From.Id, IncomingKind.Button, q.From.LanguageCode,
                ButtonData: q.Data, ButtonQueryId: q.Id, InStaffChat: inStaffChat);
        }
        if (u.MyChatMember is { Chat.Type: ChatType.Private } member)
        {
            var kind = member.NewChatMember.Status is ChatMemberStatus.Kicked ? IncomingKind.BlockedBot : IncomingKind.UnblockedBot;
            return new(u.Id, member.Chat.Id, member.From.Id, kind);
        }
        return Ignored(u);
    }

    // A voice message: Telegram's file id, length and size; in a private chat, the bot message it replies to (staff record
    // an answer by replying to its card).
    private static Incoming VoiceMessage(Update u, Message m, global::Telegram.Bot.Types.Voice voice, long? replyTo, bool inStaffChat) =>
        new(u.Id, m.Chat.Id, m.From!.Id, IncomingKind.Voice, m.From.LanguageCode, InStaffChat: inStaffChat, ReplyTo: replyTo,
            VoiceFileId: voice.FileId, VoiceSeconds: voice.Duration, VoiceBytes: voice.FileSize ?? 0);

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

    // "/event 12" → "12"; null when the command stands alone.
    private static string? Arguments(Message m) =>
        m.Entities is [{ Type: MessageEntityType.BotCommand } entity, ..] && m.Text!.Length > entity.Length && m.Text[entity.Length..].Trim() is { Length: > 0 } rest ? rest : null;

    private static Incoming Ignored(Update u) => new(u.Id, ChatKey(u), 0, IncomingKind.Ignored);
}
