using BennBot.Content;
using Microsoft.Extensions.Configuration;

namespace BennBot.Worker.Hosting;

/// <summary>Settings under "BennBot" (env: BennBot__Telegram__Token, ...). Read by hand so that every invalid
/// value gets its own clear sentence instead of a binder exception.</summary>
public sealed record BennBotOptions
{
    public const string RealApi = "https://api.telegram.org";

    public string? Token { get; init; }
    public Uri ApiBaseUrl { get; init; } = new(RealApi);
    /// <summary>The bot's @username for the deep links on posters (issue 18). The running bot learns it from getMe;
    /// this setting is for the command line and the terminal, which never ask Telegram.</summary>
    public string? BotUsername { get; init; }
    public string DatabasePath { get; init; } = "data/bennbot.db";
    /// <summary>Optional LiteDB encryption password (never logged). See README: what it protects and what not.</summary>
    public string? DatabasePassword { get; init; }
    public string? BackupDirectory { get; init; }
    public int BackupsKept { get; init; } = 7;
    public string Backups => BackupDirectory ?? Storage.Backups.DefaultDirectory(DatabasePath);
    public IReadOnlyList<long> StaffUserIds { get; init; } = [];
    public long? StaffChatId { get; init; }
    public Language DefaultLanguage { get; init; } = Languages.German;
    public string SeedsPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "seeds");
    /// <summary>Where the answer model trained from the seeds is kept between starts; by default beside the database.</summary>
    public string? ModelCacheDirectory { get; init; }
    public string ModelCache => ModelCacheDirectory ?? Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!;
    public int Workers { get; init; } = 8;
    public int MessagesPerSecond { get; init; } = 25;
    /// <summary>An OpenTelemetry collector (OTLP over HTTP, e.g. http://collector:4318); the meter "BennBot" is
    /// exported there when set.</summary>
    public Uri? OtlpEndpoint { get; init; }
    public int MetricsExportSeconds { get; init; } = 60;
    /// <summary>Profiles of residents who have not written for this many days are erased.</summary>
    public int InactiveDays { get; init; } = 365;
    /// <summary>This many days after a topic is closed, the link to its submitter is erased.</summary>
    public int TopicLinkDays { get; init; } = 180;
    /// <summary>After erasures the database file is rewritten at most once in this many minutes (issue 19).</summary>
    public int CompactMinutes { get; init; } = 10;
    /// <summary>How often the retention job runs (hourly; the soak benchmark runs it every few minutes).</summary>
    public int RetentionMinutes { get; init; } = 60;

    public static (BennBotOptions Options, List<string> Problems) Read(IConfiguration configuration)
    {
        var s = configuration.GetSection("BennBot");
        var problems = new List<string>();
        var o = new BennBotOptions();

        var token = s["Telegram:Token"]?.Trim();
        if (!string.IsNullOrEmpty(token))
        {
            // Never echo the token: it is a password.
            if (!System.Text.RegularExpressions.Regex.IsMatch(token, @"^\d{1,16}:\S+$"))
                problems.Add("BennBot__Telegram__Token does not look like a bot token (digits, a colon, then the secret, as @BotFather gives it).");
            else o = o with { Token = token };
        }
        if (s["Telegram:ApiBaseUrl"] is { Length: > 0 } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") o = o with { ApiBaseUrl = u };
            else problems.Add($"BennBot__Telegram__ApiBaseUrl must be an http(s) address, not '{url}'.");
        }
        if (s["Telegram:BotUsername"] is { Length: > 0 } username)
        {
            // Telegram usernames: 5-32 letters, digits and "_", starting with a letter (a bot's end in "bot").
            if (System.Text.RegularExpressions.Regex.IsMatch(username.TrimStart('@'), "^[A-Za-z][A-Za-z0-9_]{4,31}$")) o = o with { BotUsername = username.TrimStart('@') };
            else problems.Add($"BennBot__Telegram__BotUsername must be the bot's Telegram username (e.g. BennBot_bot), not '{username}'.");
        }
        if (s["Storage:DatabasePath"] is { } path)
        {
            if (string.IsNullOrWhiteSpace(path)) problems.Add("BennBot__Storage__DatabasePath must not be empty.");
            else o = o with { DatabasePath = path };
        }
        if (s["Storage:Password"] is { Length: > 0 } password) o = o with { DatabasePassword = password };
        if (s["Storage:BackupDirectory"] is { Length: > 0 } backups) o = o with { BackupDirectory = backups };
        if (s["Storage:BackupsKept"] is { Length: > 0 } kept)
        {
            if (int.TryParse(kept, out var n) && n is >= 1 and <= 365) o = o with { BackupsKept = n };
            else problems.Add($"BennBot__Storage__BackupsKept must be a number from 1 to 365, not '{kept}'.");
        }
        var staff = new List<long>();
        foreach (var child in s.GetSection("Staff:UserIds").GetChildren())
        {
            if (long.TryParse(child.Value, out var id) && id > 0) staff.Add(id);
            else problems.Add($"BennBot__Staff__UserIds__{child.Key} must be a Telegram user id (a positive number), not '{child.Value}'.");
        }
        o = o with { StaffUserIds = staff };
        if (s["Staff:ChatId"] is { Length: > 0 } chat)
        {
            // A positive id is a person's private chat: they would get every topic card and question with its review buttons.
            if (long.TryParse(chat, out var id) && id < 0) o = o with { StaffChatId = id };
            else if (id > 0) problems.Add($"BennBot__Staff__ChatId must be the id of the staff group (a negative number, e.g. -1001234567890), not '{chat}', which is a private chat.");
            else problems.Add($"BennBot__Staff__ChatId must be a Telegram chat id (a number; groups are negative), not '{chat}'.");
        }
        if (s["DefaultLanguage"] is { Length: > 0 } lang)
        {
            if (Languages.Find(lang) is { } l) o = o with { DefaultLanguage = l };
            else problems.Add($"BennBot__DefaultLanguage must be one of {string.Join(", ", Languages.All)}, not '{lang}'.");
        }
        if (s["Content:SeedsPath"] is { Length: > 0 } seeds) o = o with { SeedsPath = seeds };
        if (s["Content:ModelCache"] is { Length: > 0 } cache) o = o with { ModelCacheDirectory = cache };
        if (s["Telegram:Workers"] is { Length: > 0 } w)
        {
            if (int.TryParse(w, out var n) && n is >= 1 and <= 64) o = o with { Workers = n };
            else problems.Add($"BennBot__Telegram__Workers must be a number from 1 to 64, not '{w}'.");
        }
        if (s["Broadcast:MessagesPerSecond"] is { Length: > 0 } rate)
        {
            if (int.TryParse(rate, out var n) && n is >= 1 and <= 1000) o = o with { MessagesPerSecond = n };
            else problems.Add($"BennBot__Broadcast__MessagesPerSecond must be a number from 1 to 1000, not '{rate}'.");
        }
        if (s["Telemetry:OtlpEndpoint"] is { Length: > 0 } otlp)
        {
            if (Uri.TryCreate(otlp, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") o = o with { OtlpEndpoint = u };
            else problems.Add($"BennBot__Telemetry__OtlpEndpoint must be an http(s) address of an OpenTelemetry collector, not '{otlp}'.");
        }
        if (s["Telemetry:ExportSeconds"] is { Length: > 0 } every)
        {
            if (int.TryParse(every, out var n) && n is >= 1 and <= 3600) o = o with { MetricsExportSeconds = n };
            else problems.Add($"BennBot__Telemetry__ExportSeconds must be a number from 1 to 3600, not '{every}'.");
        }
        if (s["Privacy:InactiveDays"] is { Length: > 0 } inactive)
        {
            if (int.TryParse(inactive, out var n) && n is >= 30 and <= 3650) o = o with { InactiveDays = n };
            else problems.Add($"BennBot__Privacy__InactiveDays must be a number of days from 30 to 3650, not '{inactive}'.");
        }
        if (s["Privacy:TopicLinkDays"] is { Length: > 0 } link)
        {
            if (int.TryParse(link, out var n) && n is >= 1 and <= 3650) o = o with { TopicLinkDays = n };
            else problems.Add($"BennBot__Privacy__TopicLinkDays must be a number of days from 1 to 3650, not '{link}'.");
        }
        if (s["Privacy:CompactMinutes"] is { Length: > 0 } compact)
        {
            if (int.TryParse(compact, out var n) && n is >= 1 and <= 1440) o = o with { CompactMinutes = n };
            else problems.Add($"BennBot__Privacy__CompactMinutes must be a number of minutes from 1 to 1440, not '{compact}'.");
        }
        if (s["Privacy:RetentionMinutes"] is { Length: > 0 } retention)
        {
            if (int.TryParse(retention, out var n) && n is >= 1 and <= 1440) o = o with { RetentionMinutes = n };
            else problems.Add($"BennBot__Privacy__RetentionMinutes must be a number of minutes from 1 to 1440, not '{retention}'.");
        }
        return (o, problems);
    }
}
