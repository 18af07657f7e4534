using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using BennBot.Worker.Telegram;
using BennBot.Worker.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>Runs alone: it loads both cores for a while, and its latency figures mean nothing while other tests run.</summary>
[CollectionDefinition(nameof(FuzzTests), DisableParallelization = true)]
public sealed class FuzzCollection;

/// <summary>Bad input, automated: a few thousand generated updates from a few hundred residents and from non-staff members
/// of the staff chat (odd texts, junk commands, forged and replayed button data, every kind of update), while a control
/// resident asks for /help every 2 s. Then: nothing crashed or was parked, nobody got another's data, nobody who is not
/// staff acted as staff, every message the bot sent is one Telegram accepts, and what residents wrote reached staff
/// escaped. The seed is printed; BENNBOT_FUZZ_SEED replays a run's input (replayed buttons depend on timing);
/// BENNBOT_FUZZ_DUMP=FILE writes every update and call with its time, and the log, for a closer look.</summary>
[Collection(nameof(FuzzTests))]
public sealed partial class FuzzTests(ITestOutputHelper output)
{
    private const long StaffChat = -100500, Staff = 900, Control = 5_999_999, Bystander = 6_999_999;
    private const int DefaultSeed = 20_261_125, ResidentCount = 200, OutsiderCount = 12;
    private const double SendingSeconds = 36;
    private static readonly TimeSpan ControlPatience = TimeSpan.FromSeconds(5);
    // Everything is logged (Trace) to the captured log, so that it can be searched for what residents typed; the console gets warnings.
    // Replies to residents are not held back by the default 25 messages/s (the fake does not enforce Telegram's limits):
    // this test is about what the bot does with bad input, and the gate is measured elsewhere (README, benchmarks).
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en",
        "--BennBot:Broadcast:MessagesPerSecond=1000", "--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft=Trace",
        "--Logging:LogLevel:System.Net.Http.HttpClient=Trace", "--Logging:Console:LogLevel:Default=Warning"];

    private static readonly string[] MessageMethods = ["sendMessage", "editMessageText", "sendDocument", "sendPhoto", "sendVoice", "copyMessage", "forwardMessage"];

    /// <summary>One update to push at <see cref="At"/> seconds; <see cref="Late"/> builds it only then (replays need what the bot sent so far).</summary>
    private sealed record Planned(double At, long From, string Type, JsonObject? Payload, string Kind, Func<JsonObject>? Late = null, bool? Blocks = null);

    [Fact]
    public async Task Thousands_of_hostile_updates_crash_nothing_leak_nothing_grant_no_staff_rights_and_well_formed_updates_are_still_answered()
    {
        var seed = Environment.GetEnvironmentVariable("BENNBOT_FUZZ_SEED") is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : DefaultSeed;
        output.WriteLine($"Fuzz seed {seed} (replay with BENNBOT_FUZZ_SEED={seed})");
        var rng = new Random(seed);
        var late = new Random(seed ^ 0x5EED);
        var input = new FuzzInput(rng, TestContent.Content);

        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        var db = bot.Services.GetRequiredService<Database>();
        var seeded = await Seed(db);

        var residents = Enumerable.Range(0, ResidentCount).Select(i => i < ResidentCount - 10 ? 6_000_000L + i : 7_000_000_000L + i).ToList();
        var outsiders = Enumerable.Range(0, OutsiderCount).Select(i => 8_000_000L + i).ToList();
        var questionUpdates = new List<long>(); // update ids of the residents' questions: "#Q{id}" in the staff chat
        var plan = Plan(rng, input, residents, outsiders, late, api, questionUpdates);

        // Send everything on time; the control resident's /help goes in between.
        var typed = new Dictionary<long, StringBuilder>();
        var kinds = new SortedDictionary<string, int>();
        var controlAsked = new List<DateTimeOffset>();
        var presses = new List<string>();
        var clock = Stopwatch.StartNew();
        var t0 = DateTimeOffset.UtcNow;
        var dump = new StringBuilder(); // BENNBOT_FUZZ_DUMP=FILE: every update and call with its time, and the log
        foreach (var p in plan.OrderBy(p => p.At))
        {
            var wait = p.At - clock.Elapsed.TotalSeconds;
            if (wait > 0.002) await Task.Delay(TimeSpan.FromSeconds(wait));
            if (p.Blocks is { } blocks)
            {
                if (blocks) api.FailChat(p.From, 403, "Forbidden: bot was blocked by the user");
                else api.FailChat(p.From, 403, "", times: 0);
            }
            var payload = p.Payload ?? p.Late!();
            var typedBy = typed.TryGetValue(p.From, out var sb) ? sb : typed[p.From] = new StringBuilder();
            foreach (var value in Strings(payload)) typedBy.Append(value).Append('\n');
            var id = api.Push(p.Type, payload);
            dump.AppendLine($"P {clock.Elapsed.TotalSeconds:0.000} {p.From} {id} {p.Kind.Replace(' ', '_')} {(p.Type == "callback_query" ? payload["data"]?.ToString()?.Replace(' ', '_') : "")}");
            if (p.Kind == "question") questionUpdates.Add(id);
            if (p.Kind == "control") controlAsked.Add(DateTimeOffset.UtcNow);
            if (p.Type == "callback_query") presses.Add(payload["id"]!.ToString());
            kinds[p.Kind] = kinds.GetValueOrDefault(p.Kind) + 1;
        }
        var sendingTook = clock.Elapsed;

        // Drain: every update handled, and no message to anyone but the staff chat for 3 s (bounded).
        var drainDeadline = DateTime.UtcNow.AddSeconds(40);
        var lastCount = -1;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < drainDeadline)
        {
            var count = api.Calls.Count(c => MessageMethods.Contains(c.Method) && c.ChatId != StaffChat);
            var waiting = db.Read(d => Inbox.Waiting(d, DateTime.MaxValue).Count) + api.UnconfirmedUpdates;
            if (count != lastCount || waiting > 0) { lastCount = count; quietSince = DateTime.UtcNow; }
            else if (DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(3)) break;
            await Task.Delay(200);
        }
        var drained = clock.Elapsed;

        // A well-formed update after the storm is still answered, and the host still runs.
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the host stopped during the fuzz");
        const long newcomer = 5_999_998;
        api.Push("message", input.Message(newcomer, "en", FuzzInput.PrivateChat(newcomer), "/help"));
        await api.WaitForMessages(newcomer, 1, TimeSpan.FromSeconds(10));

        var calls = api.Calls.ToList();
        if (Environment.GetEnvironmentVariable("BENNBOT_FUZZ_DUMP") is { Length: > 0 } dumpFile)
        {
            foreach (var c in calls) dump.AppendLine($"C {(c.At - t0).TotalSeconds:0.000} {c.ChatId} {c.Method} {c.Body["callback_query_id"]}");
            foreach (var l in bot.Logs.Lines) dump.AppendLine("L " + l.Replace('\n', ' '));
            File.WriteAllText(dumpFile, dump.ToString(), new UTF8Encoding(false, false));
        }
        var problems = new List<string>();

        // ---- figures ----
        var sent = calls.Where(c => MessageMethods.Contains(c.Method)).ToList();
        var controlReplies = calls.Where(c => c.Method == "sendMessage" && c.ChatId == Control).OrderBy(c => c.At).ToList();
        var latencies = controlAsked.Zip(controlReplies, (asked, reply) => reply.At - asked).Select(t => t.TotalMilliseconds).OrderBy(t => t).ToList();
        output.WriteLine($"Updates sent: {plan.Count} in {sendingTook.TotalSeconds:0.0} s ({plan.Count / sendingTook.TotalSeconds:0} per s) from {residents.Count} residents, " +
            $"{outsiders.Count} non-staff members of the staff chat and the control resident");
        output.WriteLine("  by kind: " + string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}")));
        output.WriteLine($"Bot calls: {string.Join(", ", calls.GroupBy(c => c.Method).Where(g => g.Key != "getUpdates").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}");
        output.WriteLine($"Drained {(drained - sendingTook).TotalSeconds:0.0} s after the last update; whole run {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"Control /help: {controlAsked.Count} asked, {controlReplies.Count} answered, latency p50 {Percentile(latencies, 0.5):0} ms, " +
            $"p95 {Percentile(latencies, 0.95):0} ms, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):0} ms");

        var answered = calls.Where(c => c.Method == "answerCallbackQuery").Select(c => c.Body["callback_query_id"]?.ToString()).ToHashSet();
        var (inPrivate, inStaffChat) = (presses.Where(q => q.StartsWith('q')).ToList(), presses.Where(q => q.StartsWith("out", StringComparison.Ordinal)).ToList());
        output.WriteLine($"Button presses answered (answerCallbackQuery): in private chats {inPrivate.Count(answered.Contains)} of {inPrivate.Count}, " +
            $"in the staff chat {inStaffChat.Count(answered.Contains)} of {inStaffChat.Count}");

        // ---- (1) nothing crashed, nothing was parked, nothing logged as an error ----
        var logs = bot.Logs.Lines.ToList();
        var errors = logs.Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        var warnings = logs.Where(l => l.StartsWith("Warning ", StringComparison.Ordinal)).ToList();
        output.WriteLine($"Log: {errors.Count} errors/critical, {warnings.Count} warnings: " +
            string.Join(", ", warnings.GroupBy(l => EventIdOf(l)).Select(g => $"[{g.Key}] {g.Count()}")));
        // Two residents sending a topic in the same instant: the second insert fails and the update is handled again (by design).
        var failures = warnings.Where(l => EventIdOf(l) is "1002" or "LogFailed").ToList();
        foreach (var f in failures.Where(f => !f.Contains("was taken meanwhile")).Take(5)) output.WriteLine("  handling failed: " + Shorten(f, 600));
        problems.AddRange(failures.Where(f => !f.Contains("was taken meanwhile")).Take(5).Select(f => "an update failed: " + Shorten(f, 400)));
        // Refused by the fake: only the 403s of residents who had blocked the bot are expected.
        foreach (var r in warnings.Where(l => EventIdOf(l) is "2002" or "LogRefused" && !l.Contains("(403:")).Take(5)) output.WriteLine("  refused: " + Shorten(r, 300));
        problems.AddRange(warnings.Where(l => EventIdOf(l) is "2002" or "LogRefused" && !l.Contains("(403:")).Take(5).Select(r => "Telegram refused a message: " + Shorten(r, 300)));
        problems.AddRange(errors.Take(5).Select(e => "logged: " + Shorten(e, 600)));
        var inbox = db.Read(d => d.GetCollection<InboxUpdate>(InboxUpdate.Collection).FindAll().GroupBy(u => u.Status).ToDictionary(g => g.Key, g => g.Count()));
        output.WriteLine("Inbox: " + string.Join(", ", inbox.Select(kv => $"{kv.Key} {kv.Value}")));
        if (inbox.GetValueOrDefault(InboxStatus.Parked) > 0) problems.Add($"{inbox[InboxStatus.Parked]} updates were parked");
        if (inbox.GetValueOrDefault(InboxStatus.New) > 0) problems.Add($"{inbox[InboxStatus.New]} updates were never handled");

        // ---- the control resident was answered every time, within a few seconds ----
        if (controlReplies.Count < controlAsked.Count) problems.Add($"control: {controlAsked.Count} /help, only {controlReplies.Count} answers");
        foreach (var (asked, i) in controlAsked.Select((a, i) => (a, i)).Where(x => x.i < controlReplies.Count && controlReplies[x.i].At - x.a > ControlPatience))
            problems.Add($"control /help #{i + 1} answered after {(controlReplies[i].At - asked).TotalSeconds:0.0} s");

        // ---- (2) nobody received another's data ----
        var everyone = residents.Concat(outsiders).Append(Control).Append(Bystander).Append(newcomer).Append(Staff).ToHashSet();
        var ownMarkers = 0;
        var notes = new List<string>(); // oddities that Telegram accepts: reported, not failed
        foreach (var call in sent.Where(c => c.ChatId is > 0))
        {
            var to = call.ChatId!.Value;
            var seen = typed.TryGetValue(to, out var t) ? t.ToString() : "";
            var content = Content(call);
            foreach (var (id, token) in FuzzInput.Tokens(content))
            {
                if (id == to && token.StartsWith("zx", StringComparison.Ordinal)) ownMarkers++;
                else if (id != to && everyone.Contains(id) && !seen.Contains(token, StringComparison.Ordinal))
                    problems.Add($"{to} received {id}'s '{token}' ({call.Method}: {Shorten(call.Text ?? call.DocumentName ?? "", 200)})");
            }
            // A lone surrogate the bot made (by cutting a text in the middle of an emoji) reaches Telegram as U+FFFD.
            if (content.Contains('\uFFFD') && !seen.Contains('\uFFFD') && !HasLoneSurrogate(seen))
                notes.Add($"{to} got a U+FFFD they never typed ({call.Method}): {Shorten(call.Text ?? "", 160)}");
        }
        output.WriteLine($"Residents' own markers shown back to them: {ownMarkers} times (the leak check sees markers)");
        if (ownMarkers == 0) problems.Add("no resident ever saw their own marker: the leak check would see nothing either");
        foreach (var answer in calls.Where(c => c.Method == "answerCallbackQuery" && c.Body["text"] is not null))
        {
            var to = QueryOwner().Match(answer.Body["callback_query_id"]?.ToString() ?? "") is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            foreach (var (id, token) in FuzzInput.Tokens(answer.Body["text"]!.ToString()))
                if (id != to && everyone.Contains(id)) problems.Add($"{to} was told {id}'s '{token}' in a button notice");
        }
        var strangers = sent.Where(c => c.ChatId is { } id && id != StaffChat && !(residents.Contains(id) || id == Control || id == newcomer)).ToList();
        problems.AddRange(strangers.Take(5).Select(c => $"a message to {c.ChatId}, who wrote nothing in private: {Shorten(c.Text ?? "", 200)}"));

        // ---- nothing a resident typed, no name and no Telegram id is in the log, at any level (Trace included) ----
        var leaks = logs.SelectMany(l => FuzzInput.Tokens(l).Where(t => everyone.Contains(t.Id) && t.Id != Staff).Select(t => $"the log holds {t.Id}'s '{t.Token}': {Shorten(l, 200)}")).ToList();
        output.WriteLine($"Log lines searched for residents' markers, names and ids: {logs.Count}; found: {leaks.Count}");
        problems.AddRange(leaks.Take(5));

        // ---- (3) nobody who is not staff acted as staff ----
        var staffSent = sent.Where(c => c.ChatId == StaffChat).ToList();
        var staffOutbox = db.Read(d => d.GetCollection<OutboxMessage>(OutboxMessage.Collection).Find(m => m.ChatId == StaffChat).ToList());
        var staffQueued = staffOutbox.Where(m => m.Kind != OutboxKind.Answer).ToList();
        output.WriteLine($"Staff chat: {staffSent.Count} messages sent (20 a minute), {staffQueued.Count} still queued");
        problems.AddRange(staffOutbox.Where(m => m.Kind == OutboxKind.Answer && m.Notice is not null).Take(3).Select(m => $"a non-staff press in the staff chat is to be answered with '{m.Notice}'"));
        // A backlog of cards arrives as digests: a line per item and buttons that only open items (issue 19).
        var digests = staffSent.Where(c => c.ButtonData.Count > 0 && c.ButtonData.All(d => d.StartsWith("Qo:", StringComparison.Ordinal) || d.StartsWith("Ko:", StringComparison.Ordinal))).ToList();
        output.WriteLine($"Staff chat digests: {digests.Count}, with {digests.Sum(d => d.ButtonData.Count)} items");
        foreach (var text in staffSent.Select(c => c.Text ?? "").Concat(staffQueued.Select(m => m.Html ?? "")))
        {
            if (!NewTopicOrQuestion().IsMatch(Html.ToPlain(text)) && !digests.Any(d => d.Text == text))
                problems.Add($"the staff chat got something other than a new topic or question: {Shorten(text, 300)}");
            foreach (var name in FuzzInput.Names(text)) problems.Add($"the staff chat saw a resident's name or username '{name}'");
            var ids = FuzzInput.Tokens(MarkerPattern().Replace(text, "")).Where(x => everyone.Contains(x.Id)).ToList();
            problems.AddRange(ids.Select(x => $"the staff chat saw the id {x.Id}"));
        }
        foreach (var answer in calls.Where(c => c.Method == "answerCallbackQuery" && c.Body["callback_query_id"]?.ToString()?.StartsWith("out", StringComparison.Ordinal) == true && c.Body["text"] is not null))
            problems.Add($"a non-staff press in the staff chat was answered with '{answer.Body["text"]}'");
        problems.AddRange(sent.Where(c => c.ChatId == Staff).Take(3).Select(c => $"the staff member got a message they did not ask for: {Shorten(c.Text ?? "", 200)}"));
        var after = Snapshot(db);
        if (after.Events != seeded.Events) problems.Add($"events changed:\n  before {seeded.Events}\n  after  {after.Events}");
        if (after.Broadcasts != seeded.Broadcasts) problems.Add($"broadcasts changed:\n  before {seeded.Broadcasts}\n  after  {after.Broadcasts}");
        if (after.Deliveries != seeded.Deliveries) problems.Add($"broadcast deliveries changed:\n  before {seeded.Deliveries}\n  after  {after.Deliveries}");
        if (api.DeliveredTo(Bystander) > 0) problems.Add("the paused broadcast reached its recipient");
        var topics = db.Read(d => TopicStore.Topics(d).FindAll().OrderBy(t => t.Id).ToList());
        var published = topics.Single(t => t.Id == seeded.PublishedTopic.Id);
        if (Json(published with { Supporters = 0 }) != Json(seeded.PublishedTopic with { Supporters = 0 })) problems.Add($"the published topic changed: {Json(published)}");
        foreach (var t in topics.Where(t => t.Id != seeded.PublishedTopic.Id))
            if (t is not { Status: TopicStatus.New, PublicWording: null, Hidden: false, MergedInto: null, Response: null, Followers.Count: 0 } || t.Field != TopicFields.Guess(t.Category))
                problems.Add($"topic #{t.Id} was reviewed by someone: {Shorten(Json(t), 400)}");
        var sessions = db.Read(d => DialogueStore.Count(d, DialogueKind.Desk));
        if (sessions > 0) problems.Add($"{sessions} event desk sessions were opened");
        var questions = db.Read(d => d.GetCollection<TeamQuestion>(TeamQuestion.Collection).FindAll().ToList());
        problems.AddRange(questions.Where(q => q.AnsweredAt is not null).Take(5).Select(q => $"question #Q{q.Id} was answered"));
        // Whatever a resident wrote is stored under that resident (or under nobody, once they deleted their data).
        foreach (var t in topics)
            foreach (var (id, token) in FuzzInput.Tokens(t.Text ?? "").Where(x => x.Token.StartsWith("zx", StringComparison.Ordinal)))
                if (t.SubmitterId != id && t.SubmitterId != 0) problems.Add($"topic #{t.Id} with {id}'s '{token}' belongs to {t.SubmitterId}");
        foreach (var q in questions)
            foreach (var (id, token) in FuzzInput.Tokens(q.Text ?? "").Where(x => x.Token.StartsWith("zx", StringComparison.Ordinal)))
                if (q.ResidentId != id && q.ResidentId != 0) problems.Add($"question #Q{q.Id} with {id}'s '{token}' belongs to {q.ResidentId}");
        output.WriteLine($"Database: {topics.Count - 1} topics and {questions.Count} questions from residents, " +
            $"{db.Read(d => d.GetCollection(Worker.Residents.Resident.Collection).Count())} residents");

        // ---- (4) every message the bot sent is one Telegram accepts; (5) resident input reached staff escaped ----
        foreach (var call in calls) problems.AddRange(Invalid(call).Take(3));
        foreach (var m in staffQueued)
            if (HtmlProblem(m.Html ?? "", out var plain) is { } p || (p = LengthProblem(plain, m.Kind == OutboxKind.Text ? 4096 : 1024)) is not null)
                problems.Add($"queued for the staff chat: {p}: {Shorten(m.Html ?? "", 200)}");
        var staffTexts = staffSent.Select(c => c.Text ?? "").Concat(staffQueued.Select(m => m.Html ?? "")).ToList();
        var escaped = staffTexts.Count(t => t.Contains("&lt;script&gt;x&lt;/script&gt;", StringComparison.Ordinal));
        output.WriteLine($"Staff messages with the escaped injection: {escaped} of {staffTexts.Count}");
        if (escaped == 0) problems.Add("no resident input reached the staff chat, so its escaping was not tested");
        problems.AddRange(staffTexts.Where(t => t.Contains("<script", StringComparison.OrdinalIgnoreCase) || t.Contains("evil.example\">", StringComparison.Ordinal))
            .Take(3).Select(t => "unescaped resident input in the staff chat: " + Shorten(t, 300)));

        foreach (var n in notes.Take(10)) output.WriteLine("NOTE: " + n);
        foreach (var p in problems.Distinct().Take(40)) output.WriteLine("PROBLEM: " + p);
        Assert.True(problems.Count == 0, $"{problems.Distinct().Count()} problems (seed {seed}); first: {problems.FirstOrDefault()}");
    }

    // ---- the plan ----------------------------------------------------------------------------------------------

    private static List<Planned> Plan(Random rng, FuzzInput input, List<long> residents, List<long> outsiders, Random late, FakeBotApi api, List<long> questionUpdates)
    {
        var plan = new List<Planned>();
        foreach (var r in residents)
        {
            var lang = input.LanguageCode();
            var chat = FuzzInput.PrivateChat(r);
            JsonObject Press(string? data) => input.Press(r, lang, data, chat);
            var t = rng.NextDouble() * 6;
            // First what a resident does on purpose: share a topic and ask the team, with their marker and the injection in it.
            var topicText = $"{FuzzInput.Injection} {FuzzInput.Marker(r)} {Clip(input.Text(), 600)}";
            var script = new (string Type, JsonObject Payload, string Kind)[]
            {
                ("message", input.Message(r, lang, chat, rng.Next(3) == 0 ? "/start" : "/topic"), "command"),
                ("callback_query", Press("Nn"), "press"),
                ("callback_query", Press("Nc:" + rng.Next(10)), "press"),
                rng.Next(8) == 0 ? ("message", input.Voice(r, lang, chat), "voice") : ("message", input.Message(r, lang, chat, topicText), "text"),
                ("callback_query", Press(rng.Next(2) == 0 ? "Na:-" : "Na:hansa"), "press"),
                ("callback_query", Press("Np:" + rng.Next(2)), "press"),
                ("callback_query", Press("Ny"), "press"),
                ("callback_query", Press("a"), "press"),
                ("message", input.Message(r, lang, chat, $"{FuzzInput.Marker(r)} {FuzzInput.Injection} {Clip(input.Text(), 300)}"), "question"),
            };
            foreach (var (step, i) in script.Select((x, i) => (x, i))) plan.Add(new Planned(t + 1.5 * i, r, step.Type, step.Payload, step.Kind));

            // Then anything at all, a few updates at random times; some residents block the bot for a while.
            var from = t + 1.5 * script.Length;
            var times = Enumerable.Range(0, rng.Next(4, 10)).Select(_ => from + rng.NextDouble() * (SendingSeconds - from)).ToList();
            if (residents.IndexOf(r) % 20 == 7) // a flooder: 14 updates in about a second
            {
                var burst = from + rng.NextDouble() * (SendingSeconds - from - 2);
                times.AddRange(Enumerable.Range(0, 14).Select(i => burst + 0.08 * i));
            }
            if (rng.Next(7) == 0) // a blocked user sends nothing until they unblock the bot
            {
                var block = from + rng.NextDouble() * (SendingSeconds - from - 3);
                times.RemoveAll(x => x >= block - 0.2 && x <= block + 2.2);
                plan.Add(new Planned(block, r, "my_chat_member", FuzzInput.ChatMember(r, blocked: true), "block", Blocks: true));
                plan.Add(new Planned(block + 2, r, "my_chat_member", FuzzInput.ChatMember(r, blocked: false), "unblock", Blocks: false));
            }
            foreach (var at in times) plan.Add(Anything(rng, input, r, lang, at, residents, late, api));
        }

        foreach (var o in outsiders)
            for (var i = 0; i < 15; i++)
                plan.Add(InStaffChat(rng, input, o, 1 + rng.NextDouble() * (SendingSeconds - 1), late, questionUpdates));

        for (var at = 0.7; at < SendingSeconds; at += 2)
            plan.Add(new Planned(at, Control, "message", input.Message(Control, "en", FuzzInput.PrivateChat(Control), "/help"), "control"));
        return plan;
    }

    private static Planned Anything(Random rng, FuzzInput input, long r, string? lang, double at, List<long> residents, Random late, FakeBotApi api)
    {
        var chat = FuzzInput.PrivateChat(r);
        var roll = rng.Next(100);
        return roll switch
        {
            < 25 => new(at, r, "message", input.Message(r, lang, chat, input.Text()), "text"),
            < 43 => new(at, r, "message", input.Message(r, lang, chat, input.Command()), "command"),
            < 68 => new(at, r, "callback_query", input.Press(r, lang, input.ButtonData(), chat), "press"),
            < 74 => new(at, r, "callback_query", null, "replayed press", () => input.Press(r, lang, Replay(api, r, late), chat)),
            < 76 => new(at, r, "callback_query", input.Press(r, lang, input.ButtonData(), null), "inline press"),
            < 79 => new(at, r, "message", input.Sticker(r, lang), "sticker"),
            < 83 => new(at, r, "message", input.Voice(r, lang, chat), "voice"),
            < 87 => new(at, r, "message", input.Document(r, lang, chat), "document"),
            < 91 => new(at, r, "message", input.Other(r, lang, residents[rng.Next(residents.Count)]), "photo/location/contact/dice"),
            < 96 => new(at, r, "edited_message", input.Edited(r, lang, input.Text()), "edited"),
            < 98 => Unrequested(input, r, at),
            _ => rng.Next(2) == 0
                ? new(at, r, "message", input.Message(r, lang, FuzzInput.Group(-100_777, "other group"), input.Command()), "other group")
                : new(at, r, "callback_query", input.Press(r, lang, input.ButtonData(), FuzzInput.Group(-100_777, "other group"), "grp"), "other group"),
        };
    }

    private static Planned Unrequested(FuzzInput input, long r, double at)
    {
        var (type, payload) = input.Unrequested(r);
        return new(at, r, type, payload, "unrequested type");
    }

    private static readonly string[] StaffCommands = ["/stats", "/export", "/desk", "/newevent", "/topics", "/topic 1", "/topic 2", "/publish 2 x",
        "/publish 1 " + FuzzInput.Injection, "/merge 2 3", "/unanswered", "/feedback", "/cancel", "/stats@BennTestBot", "/export@BennTestBot", "/desk 2"];

    /// <summary>Someone in the staff chat who is not on the staff list tries everything staff can do.</summary>
    private static Planned InStaffChat(Random rng, FuzzInput input, long o, double at, Random late, List<long> questionUpdates)
    {
        var group = FuzzInput.Group(StaffChat);
        var words = $"{FuzzInput.Marker(o)} {FuzzInput.Injection} {Clip(input.Text(), 200)}";
        return rng.Next(10) switch
        {
            0 or 1 => new(at, o, "message", input.Message(o, "de", group, StaffCommands[rng.Next(StaffCommands.Length)]), "staff chat: command"),
            2 => new(at, o, "message", input.Message(o, "de", group, words), "staff chat: text"),
            3 or 4 => new(at, o, "message", null, "staff chat: reply to a question", () =>
            {
                var tag = questionUpdates.Count > 0 ? questionUpdates[late.Next(questionUpdates.Count)] : 1001;
                return input.GroupReply(StaffChat, o, words, $"Question (English)\n\nsomething\n\n#Q{tag}");
            }),
            5 => new(at, o, "message", input.GroupReply(StaffChat, o, words, $"Topic #{1 + rng.Next(3)}\n\ntext\n\n#T{1 + rng.Next(3)}"), "staff chat: reply to a topic"),
            6 or 7 => new(at, o, "callback_query", input.Press(o, "de", FuzzInput.StaffCodes[rng.Next(FuzzInput.StaffCodes.Count)], group, "out"), "staff chat: staff button"),
            8 => new(at, o, "message", rng.Next(2) == 0 ? input.Document(o, "de", group) : input.Voice(o, "de", group), "staff chat: file"),
            _ => rng.Next(3) switch
            {
                0 => new(at, o, "message", input.AnonymousAdmin(StaffChat, StaffCommands[rng.Next(StaffCommands.Length)]), "staff chat: anonymous admin"),
                1 => new(at, o, "my_chat_member", FuzzInput.ChatMember(o, blocked: rng.Next(2) == 0, group), "staff chat: member change"),
                _ => new(at, o, "edited_message", input.Message(o, "de", group, "/stats"), "staff chat: edited"),
            },
        };
    }

    /// <summary>Button data the bot showed some other resident (or, before there is any, a staff code).</summary>
    private static string Replay(FakeBotApi api, long self, Random late)
    {
        var shown = api.Calls.Reverse().Take(400)
            .Where(c => c.Method == "sendMessage" && c.ChatId is { } id && id != self && id != StaffChat)
            .SelectMany(c => c.ButtonData).Distinct().ToList();
        return shown.Count > 0 ? shown[late.Next(shown.Count)] : FuzzInput.StaffCodes[late.Next(FuzzInput.StaffCodes.Count)];
    }

    // ---- seeding -----------------------------------------------------------------------------------------------

    private sealed record State(string Events, string Broadcasts, string Deliveries, Topic PublishedTopic);

    /// <summary>Things staff codes can point at: a published event (1), a draft (2), a paused announcement of the event to a
    /// subscriber who must not get it (broadcast 1), and a topic the team published for support (#1).</summary>
    private static async Task<State> Seed(Database db)
    {
        var published = await EventSeeds.Subscribers(db, [Bystander], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)));
        await db.Write(d =>
        {
            EventStore.Save(d, EventSeeds.Cafe(DateTime.UtcNow.AddDays(5), "Entwurf") with { Status = EventStatus.Draft });
            var id = BroadcastStore.Broadcasts(d).Insert(new Broadcast
            {
                EventId = published.Id, Kind = BroadcastKind.Announcement, Status = BroadcastStatus.Paused, ReportChatId = StaffChat, CreatedAt = DateTime.UtcNow,
            }).AsInt64;
            var b = BroadcastStore.Start(d, BroadcastStore.Find(d, id)!, [Bystander], DateTime.UtcNow) with { Status = BroadcastStatus.Paused };
            BroadcastStore.Broadcasts(d).Update(b);
            TopicStore.Insert(d, new Topic
            {
                Id = TopicStore.NextNumber(d), Category = TopicCategory.Leisure, Field = TopicFields.Guess(TopicCategory.Leisure), Text = "Bänke " + FuzzInput.Marker(Bystander),
                Language = "de", SubmittedAt = DateTime.UtcNow, StatusChangedAt = DateTime.UtcNow, Status = TopicStatus.Planned, SubmitterId = Bystander,
                PublicWording = "Mehr Sitzbänke im Park",
            });
        });
        return Snapshot(db);
    }

    private static State Snapshot(Database db) => db.Read(d => new State(
        Json(EventStore.Events(d).FindAll().OrderBy(e => e.Id).ToList()),
        Json(BroadcastStore.Broadcasts(d).FindAll().OrderBy(b => b.Id).ToList()),
        Json(BroadcastStore.Deliveries(d).FindAll().OrderBy(x => x.Id).ToList()),
        TopicStore.Find(d, 1) ?? new Topic()));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    // ---- what Telegram accepts ---------------------------------------------------------------------------------

    /// <summary>Why Telegram would refuse this call (nothing when it accepts it).</summary>
    private static IEnumerable<string> Invalid(ApiCall call)
    {
        var what = $"{call.Method} to {call.ChatId}";
        if (call.Method == "answerCallbackQuery" && call.Body["text"]?.ToString() is { Length: > 200 } notice)
            yield return $"{what}: a button notice of {notice.Length} characters (at most 200)";
        if (!MessageMethods.Contains(call.Method)) yield break;
        var isText = call.Method is "sendMessage" or "editMessageText";
        var body = isText ? call.Body["text"]?.ToString() : call.Body["caption"]?.ToString();
        if (isText && body is null) yield return $"{what}: no text";
        if (body is not null)
        {
            var html = call.ParseMode?.Equals("HTML", StringComparison.OrdinalIgnoreCase) == true;
            var plain = body;
            if (html && HtmlProblem(body, out plain) is { } p) yield return $"{what}: {p}: {Shorten(body, 300)}";
            else if (LengthProblem(plain, isText ? 4096 : 1024) is { } l && (isText || plain.Length > 0)) yield return $"{what}: {l}: {Shorten(body, 200)}";
        }
        foreach (var (label, data) in SafeButtons(call))
        {
            if (string.IsNullOrWhiteSpace(label)) yield return $"{what}: a button without a label";
            if (Encoding.UTF8.GetByteCount(data) is < 1 or > 64) yield return $"{what}: callback_data of {Encoding.UTF8.GetByteCount(data)} bytes: {Shorten(data, 80)}";
        }
    }

    private static IReadOnlyList<(string Label, string Data)> SafeButtons(ApiCall call)
    {
        try { return call.Buttons; }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or JsonException) { return [("", "?" + e.Message)]; }
    }

    private static string? LengthProblem(string plain, int max) =>
        plain.Trim().Length == 0 ? "empty text" : plain.Length > max ? $"{plain.Length} characters after parsing (at most {max})" : null;

    private static readonly HashSet<string> Tags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];
    private static readonly HashSet<string> TagsWithAttributes = ["a", "span", "tg-emoji", "code", "blockquote"];

    /// <summary>Telegram's HTML style: only its tags, properly nested; &lt;, &gt;, &amp; and &quot; or numeric entities; no bare
    /// '&lt;' or '&amp;'. Returns what is wrong (null: nothing), and the text as shown.</summary>
    internal static string? HtmlProblem(string html, out string plain)
    {
        var sb = new StringBuilder(html.Length);
        var open = new Stack<string>();
        plain = "";
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) return $"a bare '<' at {i}";
                var tag = html[(i + 1)..end];
                i = end;
                if (tag.StartsWith('/'))
                {
                    var name = tag[1..].Trim();
                    if (!open.TryPop(out var top) || top != name) return $"</{name}> closes {(top is null ? "nothing" : "<" + top + ">")}";
                }
                else
                {
                    var name = tag.Split(' ', 2)[0];
                    if (!Tags.Contains(name)) return $"<{Shorten(tag, 40)}> is not a tag Telegram knows";
                    if (tag.Length > name.Length && !TagsWithAttributes.Contains(name)) return $"<{tag}> has attributes";
                    open.Push(name);
                }
                continue;
            }
            if (c == '&')
            {
                var entity = Entity().Match(html, i);
                if (!entity.Success) return $"a bare '&' at {i}";
                sb.Append(entity.Groups[1].Value switch { "lt" => "<", "gt" => ">", "amp" => "&", "quot" => "\"", _ => "?" });
                i += entity.Length - 1;
                continue;
            }
            sb.Append(c);
        }
        if (open.Count > 0) return $"<{open.Peek()}> is never closed";
        plain = sb.ToString();
        return null;
    }

    [GeneratedRegex(@"\G&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();

    // ---- helpers -----------------------------------------------------------------------------------------------

    /// <summary>Everything a message shows or carries: text or caption, buttons, the file's name and content.</summary>
    private static string Content(ApiCall call)
    {
        var sb = new StringBuilder();
        foreach (var value in Strings(call.Body)) sb.Append(value).Append('\n');
        if (call.DocumentName is { } name) sb.Append(name).Append('\n');
        if (call.Document is { } bytes && call.Method == "sendDocument") sb.Append(Encoding.UTF8.GetString(bytes));
        return sb.ToString();
    }

    /// <summary>Every string and number in a JSON tree, e.g. everything a user typed into an update.</summary>
    private static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o) foreach (var s in Strings(v)) yield return s;
                break;
            case JsonArray a:
                foreach (var v in a) foreach (var s in Strings(v)) yield return s;
                break;
            case JsonValue v:
                yield return v.ToString();
                break;
        }
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    private static string Shorten(string s, int max) => (s.Length <= max ? s : s[..max] + "…").Replace("\n", "⏎");

    private static string EventIdOf(string logLine) => LogEventId().Match(logLine) is { Success: true } m ? m.Groups[1].Value : "?";

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    [GeneratedRegex(@"\[([^\]]+)\]")]
    private static partial Regex LogEventId();

    [GeneratedRegex(@"^(?:q|out)(\d+)-")]
    private static partial Regex QueryOwner();

    [GeneratedRegex(@"#[QT]\d+\s*$")]
    private static partial Regex NewTopicOrQuestion();

    [GeneratedRegex(@"zx\d+q")]
    private static partial Regex MarkerPattern();
}
