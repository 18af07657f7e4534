namespace BennBot.Worker.Team;

/// <summary>Who is staff: allow-listed Telegram user ids (never usernames), checked on every staff action.</summary>
public sealed record StaffSettings(IReadOnlyList<long> UserIds, long? ChatId)
{
    public static readonly StaffSettings None = new([], null);

    public bool IsStaff(long userId) => userId > 0 && UserIds.Contains(userId);
}
