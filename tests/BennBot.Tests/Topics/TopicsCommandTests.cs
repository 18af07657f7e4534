using BennBot.Worker;
using BennBot.Worker.Hosting;
using BennBot.Worker.Storage;
using BennBot.Worker.Terminal;
using BennBot.Worker.Topics;

namespace BennBot.Tests.Topics;

public sealed class TopicsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Topics_export_writes_the_csv_with_bom_since_a_day_and_refuses_a_bad_date_or_format()
    {
        var options = new BennBotOptions { DatabasePath = Path.Combine(_dir, "b.db") };
        using (var db = new Database(options.DatabasePath))
        {
            await db.Write(d =>
            {
                TopicEffectStore.Apply(d, new SubmitTopic(new Topic { Id = 1, SubmitterId = 5550004444444, Text = "Старый текст", SubmittedAt = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc) }), DateTime.UtcNow);
                TopicEffectStore.Apply(d, new SubmitTopic(new Topic { Id = 2, SubmitterId = 5550004444444, Text = "نص جديد", SubmittedAt = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc) }), DateTime.UtcNow);
            });
        }
        using var output = new MemoryStream();
        Assert.Equal(ExitCodes.Ok, TopicsCommand.Export(options, "csv", "2026-11-01", null, output));
        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("نص جديد", text);
        Assert.DoesNotContain("Старый текст", text);
        Assert.DoesNotContain("5550004444444", text);
        Assert.Equal(ExitCodes.NotConfigured, Assert.Throws<StartupException>(() => TopicsCommand.Export(options, "xlsx", null, null, output)).ExitCode);
        Assert.Throws<StartupException>(() => TopicsCommand.Export(options, "csv", "yesterday", null, output));
    }
}
