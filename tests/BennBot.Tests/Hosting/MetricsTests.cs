using System.Diagnostics.Metrics;
using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Hosting;
using BennBot.Worker.Residents;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Hosting;

public sealed class MetricsTests
{
    [Fact]
    public void Free_questions_are_counted_by_result_without_any_personal_data()
    {
        var seen = new List<(string Result, long N)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i.Meter.Name == BotMetrics.MeterName && i.Name == "bennbot.answers") l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<long>((_, n, tags, _) =>
        {
            foreach (var t in tags) if (t.Key == "result") lock (seen) seen.Add(((string)t.Value!, n));
        });
        listener.Start();

        using var temp = new TempDatabase();
        var conversation = new Conversation(TestContent.Content, TestContent.Index, Languages.German, new FakeTimeProvider(), temp.Db);
        var resident = new Resident { Id = 424242, Language = "en", LanguageChosen = true };
        conversation.Handle(new Incoming.Text(1, 424242, 424242, "en", "Residents' motion (Einwohnerantrag)"), resident);
        conversation.Handle(new Incoming.Text(2, 424242, 424242, "en", "When will I get my residence permit?"), resident);

        lock (seen)
        {
            Assert.Contains(("answered", 1L), seen);
            Assert.Contains(("declined", 1L), seen);
        }
    }
}
