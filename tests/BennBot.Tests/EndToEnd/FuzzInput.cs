using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Topics;

namespace BennBot.Tests.EndToEnd;

/// <summary>Hostile input in Telegram's shapes for <see cref="FuzzTests"/>: odd and malformed texts, junk commands,
/// forged, truncated and out-of-range button data, every kind of update. Everything comes from one seeded
/// <see cref="Random"/>, so a seed gives the same input. Every user carries unique tokens (a marker they type, a
/// first name, a last name, a username) so that a test can tell whose data ended up where.</summary>
internal sealed partial class FuzzInput(Random rng, ContentSet content)
{
    /// <summary>What residents put into every field that reaches the staff chat.</summary>
    public const string Injection = "<script>x</script><b>&amp;</b><a href=\"http://evil.example\">y</a>";

    private int _messageId;
    private int _queryId;

    public static string Marker(long id) => $"zx{id}q";
    public static string FirstName(long id) => $"<b>Nm{id}</b>\u202E";
    public static string LastName(long id) => $"&amp;Ln{id}";
    public static string Username(long id) => $"user{id}";

    /// <summary>Whose tokens (marker, name, username, bare id) a text contains: (user id, the token as found).</summary>
    public static IEnumerable<(long Id, string Token)> Tokens(string text)
    {
        foreach (Match m in TokenPattern().Matches(text))
        {
            var digits = m.Groups["m"].Success ? m.Groups["m"] : m.Groups["n"].Success ? m.Groups["n"] : m.Groups["d"];
            if (long.TryParse(digits.Value, out var id)) yield return (id, m.Value);
        }
    }

    /// <summary>Names only (first name, last name, username): never typed by anyone, so never allowed anywhere.</summary>
    public static IEnumerable<string> Names(string text) => TokenPattern().Matches(text).Where(m => m.Groups["n"].Success).Select(m => m.Value);

    [GeneratedRegex(@"zx(?<m>\d+)q|(?:Nm|Ln|user)(?<n>\d+)|(?<![\d])(?<d>\d{7,18})(?![\d])")]
    private static partial Regex TokenPattern();

    // ---- texts -------------------------------------------------------------------------------------------------

    private static readonly string[] Whitespace = [" ", "   ", "\t", "\n\n", " \r\n ", "\u00A0", "\u3000", "\u2028", "\u2029", "\u180E", "\u200B"];
    private static readonly string[] Controls = ["\u0000", "\u0001", "\u0007", "\b", "\u001B[31m", "\u007F", "\u0085", "\u009B", "\r", "\f", "\v", "\u0000\u0000"];
    private static readonly string[] Bidi = ["\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];
    private static readonly string[] ZeroWidth = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u034F"];
    private static readonly string[] Emoji = ["😀", "👨‍👩‍👧‍👦", "🇩🇪", "🏳️‍🌈", "👍🏽", "𝕳𝖊𝖑𝖑𝖔", "𠜎", "🫠", "❤️"];
    // The fake writes its JSON with System.Text.Json, which turns a lone surrogate into U+FFFD: that is what arrives.
    private static readonly string[] Lone = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uD83D", "\uDE00b"];
    private static readonly string[] Markup = ["<b>", "</b>", "<i>x</i>", "<script>x</script>", "&amp;", "&lt;", "&#60;", "&", "<", ">",
        "<a href=\"tg://user?id=1\">x</a>", "<tg-spoiler>", "</pre>", "<b><i>", "<!--", "]]>", "\"", "'", "<br/>", "&nbsp;", "&#x1F600;",
        "<span class=\"tg-spoiler\">", "<blockquote>", "</a>", "<code>", "{{name}}", "{id}", "%s", "${x}"];
    private static readonly string[] Markdown = ["*bold*", "_it_", "__u__", "~s~", "`code`", "```\npre\n```", "[x](http://evil.example)", "||sp||",
        "\\", "\\*", ">quote", "#hashtag", "@BennTestBot", "@admin", "#T1", "#Q1001", "#T2 #T3"];
    private static readonly string[] Words = ["Wie kann ich mitmachen?", "Wo ist das Stadtteilzentrum?", "Where can I learn German?",
        "كيف يمكنني المشاركة", "چطور می‌توانم شرکت کنم؟", "Nasıl katılabilirim?", "Як я можу взяти участь?", "Как принять участие?",
        "Hallo", "danke", "?", "...", "Mietvertrag", "Kita Platz", "ok", "Elternabend", "Deutschkurs", "Ich brauche Hilfe", "1", "-1", "0",
        "99999999999999999999", "NaN", "null", "undefined", "true", "'; DROP TABLE residents; --", "$where", "{\"$gt\": \"\"}"];
    private static readonly string[] Combining = ["e\u0301", "Z\u0335\u0336\u0337\u0338", "\u0300\u0301\u0302", "ا\u064B\u064C", "\u0BCD"];
    private static readonly string[][] Pools = [Whitespace, Controls, Bidi, ZeroWidth, Emoji, Lone, Markup, Markdown, Words, Combining];

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private string Many(string[] pool, int min, int max)
    {
        var sb = new StringBuilder();
        for (int i = 0, n = rng.Next(min, max + 1); i < n; i++) sb.Append(Pick(pool));
        return sb.ToString();
    }

    /// <summary>A few pieces from every pool, mixed.</summary>
    public string Junk(int maxPieces = 12)
    {
        var sb = new StringBuilder();
        for (int i = 0, n = rng.Next(1, maxPieces + 1); i < n; i++)
        {
            sb.Append(Pick(Pick(Pools)));
            if (rng.Next(3) == 0) sb.Append(' ');
        }
        return sb.ToString();
    }

    private string Huge()
    {
        int[] lengths = [1000, 1001, 2000, 2001, 4096, 4097, 5000, 10_000];
        var length = Pick(lengths);
        var sb = new StringBuilder(length + 64);
        if (rng.Next(3) == 0) sb.Append(new string(Pick("a<&😀 \n".ToCharArray()), length)); // one character, over and over
        else while (sb.Length < length) sb.Append(Junk(20));
        return sb.ToString(0, length); // may cut a surrogate pair: a lone surrogate, as a bad client might send
    }

    /// <summary>A text message's text, from empty to 10,000 characters.</summary>
    public string Text() => rng.Next(15) switch
    {
        0 => "",
        1 => Many(Whitespace, 1, 6),
        2 => Huge(),
        3 => Many(Controls, 1, 5) + Pick(Words) + Many(Controls, 0, 3),
        4 => Many(Bidi, 1, 4) + Pick(Words) + Many(Bidi, 0, 4),
        5 => Many(ZeroWidth, 1, 8),
        6 => Many(Emoji, 1, 10),
        7 => Many(Lone, 1, 3) + Pick(Words),
        8 => Many(Markup, 1, 8),
        9 => Many(Markdown, 1, 5),
        10 => Many(Combining, 1, 30),
        11 or 12 => Pick(Words),
        _ => Junk(),
    };

    // ---- commands ----------------------------------------------------------------------------------------------

    private static readonly string[] Commands = ["/start", "/start@OtherBot", "/start@BennTestBot", "/START", "/start ref_123", "/help", "/menu",
        "/language", "/cancel", "/privacy", "/events", "/topic", "/topic 12", "/topic 1", "/topic -1", "/topic 99999999999999999999",
        "/mydata", "/delete", "/subscribe", "/unsubscribe", "/publish 1 x", "/publish 1 <b>x</b>", "/publish", "/publish 2 " + Injection,
        "/export", "/export since=2020-01-01", "/stats", "/desk", "/desk 99999", "/desk -5", "/newevent", "/merge 1 2", "/merge 2 2",
        "/merge", "/topics status=new", "/topics page=999999999999", "/unanswered", "/feedback", "/foo", "/x_y_z", "/a@b",
        "/" + new string('a', 40), "/help@OtherBot extra", "/stats@BennTestBot", "/export@benntestbot", "/delete@OtherBot"];

    public string Command() => rng.Next(4) == 0 ? Pick(Commands) + Pick([" ", "\n", "  "]) + Text() : Pick(Commands);

    /// <summary>A command Telegram marks as one: "/name" or "/name@bot" at the start of the text.</summary>
    [GeneratedRegex(@"^/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,64})?")]
    private static partial Regex BotCommand();

    // ---- updates -----------------------------------------------------------------------------------------------

    private static readonly string?[] OddLanguageCodes = [null, "", "xx", "de-DE", "ar_EG", "zh-hant", "EN", "fa-IR", new string('a', 64), "\u202Ede"];
    private static readonly string[] UsualLanguageCodes = ["de", "en", "ar", "fa", "tr", "uk", "ru", "de", "en"];

    /// <summary>The language code a resident's Telegram app reports: usually a plain one, sometimes an odd one.</summary>
    public string? LanguageCode() => rng.Next(8) == 0 ? Pick(OddLanguageCodes) : Pick(UsualLanguageCodes);

    public static JsonObject User(long id, string? languageCode)
    {
        var user = new JsonObject
        {
            ["id"] = id, ["is_bot"] = false, ["first_name"] = FirstName(id), ["last_name"] = LastName(id), ["username"] = Username(id),
        };
        if (languageCode is not null) user["language_code"] = languageCode;
        return user;
    }

    public static JsonObject PrivateChat(long id) => new()
    {
        ["id"] = id, ["type"] = "private", ["first_name"] = FirstName(id), ["last_name"] = LastName(id), ["username"] = Username(id),
    };

    public static JsonObject Group(long id, string title = "<b>Staff</b> &amp; co") => new() { ["id"] = id, ["type"] = "supergroup", ["title"] = title };

    private long Date() => rng.Next(40) switch
    {
        0 => 0,
        1 => FakeUpdates.Now() - 400L * 86_400,
        2 => FakeUpdates.Now() + 365L * 86_400,
        _ => FakeUpdates.Now(),
    };

    public JsonObject Message(long userId, string? languageCode, JsonObject chat, string? text = null)
    {
        var m = new JsonObject { ["message_id"] = ++_messageId, ["date"] = Date(), ["chat"] = chat.DeepClone(), ["from"] = User(userId, languageCode) };
        if (text is null) return m;
        m["text"] = text;
        if (BotCommand().Match(text) is { Success: true } command)
            m["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = command.Length });
        return m;
    }

    public JsonObject Edited(long userId, string? languageCode, string text)
    {
        var m = Message(userId, languageCode, PrivateChat(userId), text);
        m["edit_date"] = FakeUpdates.Now();
        return m;
    }

    public JsonObject Sticker(long userId, string? languageCode)
    {
        var m = Message(userId, languageCode, PrivateChat(userId));
        m["sticker"] = new JsonObject
        {
            ["file_id"] = "sticker-" + rng.Next(1000), ["file_unique_id"] = "su" + rng.Next(1000), ["type"] = "regular", ["width"] = 512, ["height"] = 512,
            ["is_animated"] = false, ["is_video"] = false, ["emoji"] = Pick(Emoji),
        };
        return m;
    }

    public JsonObject Voice(long userId, string? languageCode, JsonObject chat)
    {
        int[] durations = [0, 1, 5, 299, 300, 301, 3600, int.MaxValue];
        var m = Message(userId, languageCode, chat);
        var fileId = rng.Next(6) == 0 ? Pick(Markup) + "voice" : $"voice-{userId}-{rng.Next(1000)}";
        m["voice"] = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "vu" + rng.Next(100000), ["duration"] = Pick(durations), ["mime_type"] = "audio/ogg" };
        if (rng.Next(4) == 0) m["caption"] = Text() is { Length: > 0 and <= 1024 } caption ? caption : "caption";
        return m;
    }

    private static readonly string[] FileNames = ["events.ics", "EVENTS.ICS", "../../etc/passwd.ics", "a.ics.exe", ".ics", "x.ics\u202Efdp.exe",
        "<b>kalender</b>.ics", "termine & mehr.ics", "kalender.ICS", new string('k', 250) + ".ics", "bild.jpg", "notes.txt", "😀.ics"];

    public JsonObject Document(long userId, string? languageCode, JsonObject chat)
    {
        var m = Message(userId, languageCode, chat);
        long[] sizes = [0, 100, 1_000_000, 2_000_000_000];
        var document = new JsonObject { ["file_id"] = "doc-" + rng.Next(1000), ["file_unique_id"] = "du" + rng.Next(100000), ["file_size"] = Pick(sizes) };
        if (rng.Next(8) != 0) document["file_name"] = Pick(FileNames);
        if (rng.Next(8) != 0) document["mime_type"] = Pick(["text/calendar", "application/octet-stream", "text/html", "", "x/y"]);
        m["document"] = document;
        if (rng.Next(3) == 0) m["caption"] = Injection + " " + Marker(userId);
        return m;
    }

    /// <summary>Other kinds of message a resident can send: a photo, a location, a contact (of another user), a dice.</summary>
    public JsonObject Other(long userId, string? languageCode, long someoneElse)
    {
        var m = Message(userId, languageCode, PrivateChat(userId));
        switch (rng.Next(4))
        {
            case 0:
                m["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo-1", ["file_unique_id"] = "pu1", ["width"] = 90, ["height"] = 90 });
                m["caption"] = Text() is { Length: > 0 and <= 1024 } caption ? caption : Injection;
                break;
            case 1:
                m["location"] = new JsonObject { ["latitude"] = 52.55, ["longitude"] = 13.46 };
                break;
            case 2:
                m["contact"] = new JsonObject { ["phone_number"] = "+4930123456", ["first_name"] = FirstName(someoneElse), ["user_id"] = someoneElse };
                break;
            default:
                m["dice"] = new JsonObject { ["emoji"] = "🎲", ["value"] = rng.Next(1, 7) };
                break;
        }
        return m;
    }

    /// <summary>A button press. <paramref name="chat"/> null: a button under an inline message (no chat).</summary>
    public JsonObject Press(long userId, string? languageCode, string? data, JsonObject? chat, string queryPrefix = "q")
    {
        var q = new JsonObject { ["id"] = $"{queryPrefix}{userId}-{++_queryId}", ["from"] = User(userId, languageCode), ["chat_instance"] = "ci" + userId };
        if (data is not null) q["data"] = data;
        else q["game_short_name"] = "game";
        if (chat is null) q["inline_message_id"] = "inline-" + rng.Next(1000);
        else if (rng.Next(10) == 0) q["message"] = new JsonObject { ["chat"] = chat.DeepClone(), ["message_id"] = rng.Next(1, 1000), ["date"] = 0 }; // inaccessible
        else
            q["message"] = new JsonObject
            {
                ["message_id"] = rng.Next(1, 100_000), ["date"] = FakeUpdates.Now(), ["chat"] = chat.DeepClone(), ["from"] = FakeUpdates.Bot(), ["text"] = "menu",
            };
        return q;
    }

    /// <summary>Telegram's my_chat_member when a user blocks (kicked) or unblocks (member) the bot in private.</summary>
    public static JsonObject ChatMember(long userId, bool blocked, JsonObject? chat = null) => new()
    {
        ["chat"] = chat ?? PrivateChat(userId), ["from"] = User(userId, null), ["date"] = FakeUpdates.Now(),
        ["old_chat_member"] = blocked ? new JsonObject { ["status"] = "member", ["user"] = FakeUpdates.Bot() }
            : new JsonObject { ["status"] = "kicked", ["user"] = FakeUpdates.Bot(), ["until_date"] = 0 },
        ["new_chat_member"] = blocked ? new JsonObject { ["status"] = "kicked", ["user"] = FakeUpdates.Bot(), ["until_date"] = 0 }
            : new JsonObject { ["status"] = "member", ["user"] = FakeUpdates.Bot() },
    };

    /// <summary>Update types the bot does not ask for (allowed_updates), as if Telegram sent them anyway.</summary>
    public (string Type, JsonObject Payload) Unrequested(long userId) => rng.Next(3) switch
    {
        0 => ("inline_query", new JsonObject { ["id"] = "iq" + ++_queryId, ["from"] = User(userId, "de"), ["query"] = Junk(3), ["offset"] = "" }),
        1 => ("channel_post", new JsonObject
        {
            ["message_id"] = ++_messageId, ["date"] = FakeUpdates.Now(), ["chat"] = new JsonObject { ["id"] = -100_777, ["type"] = "channel", ["title"] = "<i>chan</i>" },
            ["text"] = "/stats",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = 6 }),
        }),
        _ => ("poll_answer", new JsonObject { ["poll_id"] = "p1", ["user"] = User(userId, "de"), ["option_ids"] = new JsonArray(0) }),
    };

    /// <summary>A message in the staff chat by someone who is not on the staff list, replying to a bot message that names
    /// a question or topic: as staff answer residents.</summary>
    public JsonObject GroupReply(long chatId, long userId, string text, string repliedToText)
    {
        var m = Message(userId, "de", Group(chatId), text);
        m["reply_to_message"] = new JsonObject
        {
            ["message_id"] = rng.Next(1, 1000), ["date"] = FakeUpdates.Now(), ["chat"] = Group(chatId), ["from"] = FakeUpdates.Bot(), ["text"] = repliedToText,
        };
        return m;
    }

    /// <summary>A message by an anonymous group admin: Telegram shows it as sent by GroupAnonymousBot for the group.</summary>
    public JsonObject AnonymousAdmin(long chatId, string text)
    {
        var m = Message(1_087_968_824, null, Group(chatId), text);
        m["from"] = new JsonObject { ["id"] = 1_087_968_824, ["is_bot"] = true, ["first_name"] = "Group", ["username"] = "GroupAnonymousBot" };
        m["sender_chat"] = Group(chatId);
        return m;
    }

    // ---- button data -------------------------------------------------------------------------------------------

    /// <summary>Codes of buttons the bot shows residents, with ids of things that exist (1, 2, 3) or may exist.</summary>
    public IReadOnlyList<string> ResidentCodes { get; } = BuildResidentCodes(content);

    /// <summary>Codes of the staff's buttons (event desk, broadcast control, topic review), for real and made-up ids.</summary>
    public static IReadOnlyList<string> StaffCodes { get; } = BuildStaffCodes();

    private static List<string> BuildResidentCodes(ContentSet content)
    {
        var codes = new List<string> { "m", "L", "t", "q", "h", "p", "p:s", "p:d", "p:y", "p:Y", "p:j", "g", "a", "E:*:*", "Ef:a", "Ef:k", "S", "S+", "S-",
            "Sa", "Sk", "N", "Nn", "Na:-", "Np:0", "Np:1", "Ny", "Nr", "Nx", "Nm", "No" };
        codes.AddRange(Languages.All.Select(l => "l:" + l.Code));
        codes.AddRange(content.Categories.SelectMany(c => new[] { "c:" + c, "g:" + c, $"gw:{c}:{Audiences.All[c.Length % Audiences.All.Count]}" }));
        codes.AddRange(content.Entries.Take(12).SelectMany(e => new[] { "e:" + e.Id, "f+:" + e.Id, "f-:" + e.Id }));
        codes.AddRange(Areas.Ids.SelectMany(a => new[] { "Sa:" + a, "Na:" + a, $"E:{a}:*" }));
        codes.AddRange(Enum.GetValues<EventKind>().SelectMany(k => new[] { "Sk:" + (int)k, $"E:*:{(int)k}" }));
        codes.AddRange(Enum.GetValues<TopicCategory>().Select(c => "Nc:" + (int)c));
        foreach (var id in new[] { 1, 2, 3 })
            codes.AddRange([$"Ev:{id}", $"Er:{id}", $"Er:{id}:24", $"Er:{id}:3", $"Ec:{id}", $"Ns:{id}"]);
        return codes;
    }

    private static List<string> BuildStaffCodes()
    {
        var codes = new List<string>();
        string[] segments = [SegmentCodes.Encode(new Segment()), SegmentCodes.Encode(new Segment { Languages = ["ar"] }), SegmentCodes.Encode(new Segment { Areas = ["hansa"] })];
        foreach (var id in new long[] { 1, 2, 3 })
        {
            foreach (var op in Enum.GetValues<DeskOp>())
            {
                string?[] args = op switch
                {
                    DeskOp.Go or DeskOp.Schedule => [.. segments],
                    DeskOp.Area or DeskOp.SegmentArea => ["hansa", "other"],
                    DeskOp.Kind => ["Cafe", "Sport"],
                    DeskOp.Spoken or DeskOp.SegmentLanguage or DeskOp.Preview or DeskOp.Translate => ["ar", "de"],
                    DeskOp.Access => ["StepFree"],
                    DeskOp.EndAfter => ["2"],
                    DeskOp.Edit => ["Title", "Description"],
                    _ => [null],
                };
                codes.AddRange(args.Select(a => new ButtonAction.Desk(op, id, a).Encode()));
            }
            codes.AddRange(Enum.GetValues<BroadcastOp>().Select(op => new ButtonAction.Control(op, id).Encode()));
            foreach (var op in Enum.GetValues<ReviewOp>())
            {
                int?[] values = op switch
                {
                    ReviewOp.Status => [null, 1, 2, 3, 4],
                    ReviewOp.Category => [null, 0, 9],
                    ReviewOp.Field => [null, 1, 4],
                    _ => [null],
                };
                codes.AddRange(values.Select(v => new ButtonAction.Review(op, id, v).Encode()));
            }
        }
        return codes;
    }

    private static readonly string[] OddIds = ["0", "-1", "-0", "", " 1", "1 ", "01", "1.0", "1e3", "+1", "0x1", "١", "१", "9223372036854775807",
        "9223372036854775808", "18446744073709551616", "99999999999999999999999999999", "1:2:3", "1:", ":1", "NaN", "null", "∞", "1\u0000"];

    private static readonly string[] Malformed = [":", "::", "K", "X", "B", "N", "Kx:1", "Xq:1", "Bz:1", "KS:1:1", "ks:1:1", "l:", "l:xx", "l:DE", "l:de ",
        "c:", "e:", "gw::", "gw:a:b:c", "E:*", "E:*:*:*", "E::", "Er:1:5", "Er:1:24:1", "Sa:nowhere", "Sk:99", "Sk:", "Nc:10", "Nc:-1", "Nc:01",
        "Np:2", "Na:", "p:x", "p:", "m:", "mm", "Ks:1:1:1", "Ks:1:-1", "Ks:1:2147483648", "Ks:1:99999999999", "Xg:1:-1--1", "Xg:1:999-999",
        "Xg:1:0-0:0", "Xa:1:", "Bp:", "Ns:", "f+:", "f-:nope", "E:hansa:99", "Xo:1:x:y:z"];

    /// <summary>Button data: valid, staff-only, truncated, with odd ids, random, over 64 bytes, malformed, or none.</summary>
    public string? ButtonData()
    {
        switch (rng.Next(12))
        {
            case 0 or 1 or 2: return Pick(ResidentCodes);
            case 3 or 4: return Pick(StaffCodes);
            case 5:
                var valid = rng.Next(2) == 0 ? Pick(ResidentCodes) : Pick(StaffCodes);
                return valid.Length > 1 ? valid[..rng.Next(1, valid.Length)] : valid;
            case 6:
                var code = rng.Next(2) == 0 ? Pick(ResidentCodes) : Pick(StaffCodes);
                var colon = code.IndexOf(':');
                if (colon < 0) return code + ":" + Pick(OddIds);
                var rest = code[(colon + 1)..];
                var second = rest.IndexOf(':');
                return code[..(colon + 1)] + Pick(OddIds) + (second >= 0 ? rest[second..] : "");
            case 7:
                var sb = new StringBuilder();
                while (Encoding.UTF8.GetByteCount(sb.ToString()) < rng.Next(1, 64)) sb.Append(Pick(Pick(Pools)));
                return sb.ToString();
            case 8: return Pick(StaffCodes) + ":" + new string('9', rng.Next(60, 80)); // over 64 bytes
            case 9: return null;
            default: return Pick(Malformed);
        }
    }
}
