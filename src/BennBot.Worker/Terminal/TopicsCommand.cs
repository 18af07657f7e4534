using System.Globalization;
using BennBot.Worker.Hosting;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;

namespace BennBot.Worker.Terminal;

/// <summary><c>topics export --format csv [--since DATE] [--output FILE]</c>, for a stopped bot: the same CSV staff
/// get with /export (UTF-8 with BOM, no personal data), to standard output or a file.</summary>
public static class TopicsCommand
{
    public static int Export(BennBotOptions options, string format, string? since, string? output, Stream stdout)
    {
        if (!format.Equals("csv", StringComparison.OrdinalIgnoreCase))
            throw new StartupException($"The only export format is csv, not '{format}'.", ExitCodes.NotConfigured);
        DateTime? from = null;
        if (since is not null)
        {
            if (!DateTime.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
                throw new StartupException($"--since must be a date like 2026-11-01, not '{since}'.", ExitCodes.NotConfigured);
            from = d;
        }
        var content = App.LoadContent(options.SeedsPath); // the labels, in the staff's language as /export writes them
        byte[] csv;
        using (var db = StoppedDatabase.Open(options, "While it runs, staff get the same file with /export in the staff chat."))
            csv = TopicReport.Csv(db.Read(d => TopicStore.All(d)), from, options.DefaultLanguage, content);
        if (output is null) stdout.Write(csv);
        else File.WriteAllBytes(output, csv);
        return ExitCodes.Ok;
    }
}
