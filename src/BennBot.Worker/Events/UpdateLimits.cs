namespace BennBot.Worker.Events;

public static class UpdateLimits
{
    /// <summary>The largest calendar file BennBot reads (sent by staff or imported on the command line).</summary>
    public const int MaxCalendarBytes = 1024 * 1024;
}
