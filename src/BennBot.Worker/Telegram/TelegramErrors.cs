using Telegram.Bot.Exceptions;

namespace BennBot.Worker.Telegram;

/// <summary>What Telegram's refusals mean for us.</summary>
public static class TelegramErrors
{
    /// <summary>403 (blocked by the user, user deactivated) or 400 "chat not found": the resident cannot be reached;
    /// never retried.</summary>
    public static bool RecipientGone(ApiRequestException e) =>
        e.ErrorCode == 403 || (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase));

    public static TimeSpan RetryAfter(ApiRequestException e) => TimeSpan.FromSeconds(Math.Clamp(e.Parameters?.RetryAfter ?? 5, 1, 3600));
}
