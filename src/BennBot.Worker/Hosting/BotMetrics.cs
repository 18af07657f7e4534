using System.Diagnostics.Metrics;

namespace BennBot.Worker.Hosting;

/// <summary>Counters under the meter "BennBot" (read them with dotnet-counters, or export with OpenTelemetry):
/// updates handled by kind, free questions by result (the hit rate), messages sent, Telegram flood waits, failures.
/// No personal data in any tag.</summary>
public static class BotMetrics
{
    public const string MeterName = "BennBot";
    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Updates = Meter.CreateCounter<long>("bennbot.updates", description: "Updates handled, by kind");
    public static readonly Counter<long> Answers = Meter.CreateCounter<long>("bennbot.answers", description: "Free questions, by result: answered, unsure, notfound, declined");
    public static readonly Counter<long> Sent = Meter.CreateCounter<long>("bennbot.messages.sent", description: "Messages Telegram confirmed");
    public static readonly Counter<long> FloodWaits = Meter.CreateCounter<long>("bennbot.telegram.429", description: "Times Telegram asked to slow down");
    public static readonly Counter<long> Broadcast = Meter.CreateCounter<long>("bennbot.broadcast.recipients", description: "Broadcast recipients done, by result: sent, blocked, failed, skipped");
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("bennbot.updates.failed", description: "Update handling failures (parked after 5)");
}
