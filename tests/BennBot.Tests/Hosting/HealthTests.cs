using BennBot.Worker.Hosting;

namespace BennBot.Tests.Hosting;

public sealed class HealthTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-health-").FullName;
    private BennBotOptions Options => new() { DatabasePath = Path.Combine(_dir, "bennbot.db") };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Health_is_good_only_while_the_heartbeat_is_fresh()
    {
        var output = new StringWriter();
        Assert.Equal(1, Health.Check(Options, output, DateTime.UtcNow)); // the bot has not beaten yet

        Health.Beat(Options.DatabasePath, DateTime.UtcNow);
        Assert.Equal(0, Health.Check(Options, output, DateTime.UtcNow));

        File.SetLastWriteTimeUtc(Health.FileFor(Options.DatabasePath), DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(1, Health.Check(Options, output, DateTime.UtcNow));
        Assert.Contains("unhealthy: last heartbeat 300 s ago", output.ToString());
    }
}
