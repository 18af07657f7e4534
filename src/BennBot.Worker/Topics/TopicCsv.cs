using System.Globalization;
using System.Text;
using BennBot.Content;
using CsvHelper;

namespace BennBot.Worker.Topics;

/// <summary>The CSV export of <see cref="TopicReport.Csv"/>, written with CsvHelper's generated record writer.</summary>
internal static partial class TopicCsv
{
    /// <summary>UTF-8 with byte order mark (so that spreadsheets read umlauts, Arabic and Cyrillic right), CRLF,
    /// RFC 4180 quoting, and texts that start like a formula escaped with an apostrophe (CSV injection). Every field
    /// with a ';' or ',' in it is quoted, whichever separator the file uses: a spreadsheet that splits at the other
    /// one (German Excel splits a .csv it opens directly at ';') keeps it in one cell.</summary>
    private static CsvWriterOptions Options(char separator) => CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        Injection = CsvInjection.Escape,
        Separator = separator,
        ShouldQuote = (field, _, _, _) => field.IndexOfAny(';', ',') >= 0,
    };

    /// <summary>The separator the staff's spreadsheet program splits a .csv at when it opens it directly: ';' for German
    /// (issue 19), ',' otherwise. A file opened with the other setting shows rows in one column, but runs nothing.</summary>
    public static char SeparatorFor(Language staffLanguage) =>
        staffLanguage == Languages.German || staffLanguage == Languages.PlainGerman ? ';' : ',';

    public static byte[] Write(IEnumerable<Topic> topics, DateTime? since, char separator, Func<string, string, string> label)
    {
        var from = since is { } s ? TopicReport.Utc(s) : DateTime.MinValue;
        var rows = topics
            .Where(t => !t.Hidden && TopicReport.Utc(t.SubmittedAt) >= from)
            .OrderBy(t => TopicReport.Utc(t.SubmittedAt)).ThenBy(t => t.Id)
            .Select(t => Row.Of(t, label));
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, Options(separator), leaveOpen: true))
        {
            writer.WriteHeader<Row>();
            foreach (var row in rows)
                writer.WriteRecord(row);
        }
        return stream.ToArray();
    }

    /// <summary>One exported topic. Only these members become columns, in this order: nothing here may ever identify
    /// a resident (no submitter, followers, contact consent or voice file id). Each label is in the staff's language,
    /// with the stable id beside it (the one /topics filters take), so a sheet sorts by either (issue 13).</summary>
    [CsvRecord]
    internal sealed partial record Row
    {
        [CsvColumn("id")] public long Id { get; init; }
        [CsvColumn("submitted")] public string Submitted { get; init; } = "";
        [CsvColumn("month")] public string Month { get; init; } = "";
        [CsvColumn("language_id")] public string LanguageId { get; init; } = "";
        [CsvColumn("language")] public string Language { get; init; } = "";
        [CsvColumn("field_id")] public string FieldId { get; init; } = "";
        [CsvColumn("field")] public string Field { get; init; } = "";
        [CsvColumn("category_id")] public string CategoryId { get; init; } = "";
        [CsvColumn("category")] public string Category { get; init; } = "";
        [CsvColumn("area_id")] public string AreaId { get; init; } = "";
        [CsvColumn("area")] public string Area { get; init; } = "";
        [CsvColumn("status_id")] public string StatusId { get; init; } = "";
        [CsvColumn("status")] public string Status { get; init; } = "";
        [CsvColumn("kind")] public string Kind { get; init; } = "";
        [CsvColumn("text")] public string Text { get; init; } = "";
        [CsvColumn("public_wording")] public string PublicWording { get; init; } = "";
        [CsvColumn("supporters")] public int Supporters { get; init; }
        [CsvColumn("merged_into")] public long? MergedInto { get; init; }
        [CsvColumn("response")] public string Response { get; init; } = "";

        public static Row Of(Topic t, Func<string, string, string> label)
        {
            var voice = t.VoiceFileId is not null;
            var (field, category, status) = (t.Field.ToString(), t.Category.ToString(), t.Status.ToString());
            return new Row
            {
                Id = t.Id,
                Submitted = TopicReport.Utc(t.SubmittedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Month = TopicReport.MonthOf(t.SubmittedAt),
                LanguageId = t.Language,
                Language = Defused(label("language", t.Language)),
                FieldId = field.ToLowerInvariant(),
                Field = Defused(label("field", field)),
                CategoryId = category.ToLowerInvariant(),
                Category = Defused(label("category", category)),
                AreaId = t.Area ?? "",
                Area = t.Area is null ? "" : Defused(label("area", t.Area)),
                StatusId = status.ToLowerInvariant(),
                Status = Defused(label("status", status)),
                Kind = voice ? "voice" : "text",
                Text = voice ? "" : Defused(t.Text ?? ""),
                PublicWording = Defused(t.PublicWording ?? ""),
                Supporters = t.Supporters,
                MergedInto = t.MergedInto,
                Response = Defused(t.Response ?? ""),
            };
        }
    }

    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>Puts an apostrophe before every formula start at the beginning of a ';'- or ','-separated part (after any
    /// spaces), not only at the field's start: a spreadsheet that splits the field there would otherwise get a cell
    /// that is exactly <c>=1+1</c> or a live HYPERLINK (issue 19: the topic <c>ok;=1+1;</c>).</summary>
    internal static string Defused(string text)
    {
        StringBuilder? defused = null;
        var partStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (partStart && FormulaStarts.Contains(c)) (defused ??= new StringBuilder(text, 0, i, text.Length + 8)).Append('\'');
            defused?.Append(c);
            partStart = c is ';' or ',' || (partStart && c == ' ');
        }
        return defused?.ToString() ?? text;
    }
}
