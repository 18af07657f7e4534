using System.Globalization;
using CsvHelper;

namespace BennBot.Worker.Topics;

/// <summary>The CSV export of <see cref="TopicReport.Csv"/>, written with CsvHelper's generated record writer.</summary>
internal static partial class TopicCsv
{
    /// <summary>UTF-8 with byte order mark (so that spreadsheets read umlauts, Arabic and Cyrillic right), CRLF,
    /// RFC 4180 quoting, and texts that start like a formula escaped with an apostrophe (CSV injection).</summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        Injection = CsvInjection.Escape,
    };

    public static byte[] Write(IEnumerable<Topic> topics, DateTime? since)
    {
        var from = since is { } s ? TopicReport.Utc(s) : DateTime.MinValue;
        var rows = topics
            .Where(t => !t.Hidden && TopicReport.Utc(t.SubmittedAt) >= from)
            .OrderBy(t => TopicReport.Utc(t.SubmittedAt)).ThenBy(t => t.Id)
            .Select(Row.Of);
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            writer.WriteHeader<Row>();
            foreach (var row in rows)
                writer.WriteRecord(row);
        }
        return stream.ToArray();
    }

    /// <summary>One exported topic. Only these members become columns, in this order: nothing here may ever identify
    /// a resident (no submitter, followers, contact consent or voice file id).</summary>
    [CsvRecord]
    internal sealed partial record Row
    {
        [CsvColumn("id")] public long Id { get; init; }
        [CsvColumn("submitted")] public string Submitted { get; init; } = "";
        [CsvColumn("month")] public string Month { get; init; } = "";
        [CsvColumn("language")] public string Language { get; init; } = "";
        [CsvColumn("field")] public string Field { get; init; } = "";
        [CsvColumn("category")] public string Category { get; init; } = "";
        [CsvColumn("area")] public string Area { get; init; } = "";
        [CsvColumn("status")] public string Status { get; init; } = "";
        [CsvColumn("kind")] public string Kind { get; init; } = "";
        [CsvColumn("text")] public string Text { get; init; } = "";
        [CsvColumn("public_wording")] public string PublicWording { get; init; } = "";
        [CsvColumn("supporters")] public int Supporters { get; init; }
        [CsvColumn("merged_into")] public long? MergedInto { get; init; }
        [CsvColumn("response")] public string Response { get; init; } = "";

        public static Row Of(Topic t)
        {
            var voice = t.VoiceFileId is not null;
            return new Row
            {
                Id = t.Id,
                Submitted = TopicReport.Utc(t.SubmittedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Month = TopicReport.MonthOf(t.SubmittedAt),
                Language = t.Language,
                Field = t.Field.ToString(),
                Category = t.Category.ToString(),
                Area = t.Area ?? "",
                Status = t.Status.ToString(),
                Kind = voice ? "voice" : "text",
                Text = voice ? "" : t.Text ?? "",
                PublicWording = t.PublicWording ?? "",
                Supporters = t.Supporters,
                MergedInto = t.MergedInto,
                Response = t.Response ?? "",
            };
        }
    }
}
