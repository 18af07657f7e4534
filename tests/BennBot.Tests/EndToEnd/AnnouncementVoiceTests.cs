using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>Announcements with a voice (issue 15, item 3): staff attach a voice message per language before sending;
/// residents in that language get the text and right after it the voice, with the text's delivery guarantees.</summary>
public sealed class AnnouncementVoiceTests(ITestOutputHelper output)
{
    private const long StaffChat = -100500, Staff = 900;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];

    private static string T(string language, string key, params (string, object)[] args) => TestContent.Content.T(Languages.Find(language)!, key, args);

    [Fact]
    public async Task Staff_attach_a_ukrainian_voice_note_and_ukrainian_subscribers_get_the_text_then_the_voice()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        var db = bot.Services.GetRequiredService<Database>();
        var e = await EventSeeds.Subscribers(db, [7001, 7002], EventSeeds.Cafe(DateTime.UtcNow.AddDays(5)), "uk");
        await db.Write(d => ResidentStore.Apply(d, 7003, new Outcome([], Save: new Resident { Id = 7003, Language = "en", LanguageChosen = true, Subscribed = true, FirstSeen = DateTime.UtcNow.Date })));

        api.PressButton(Staff, $"Xo:{e.Id}", "en");
        await api.Press(Staff, Staff, $"Xv:{e.Id}", language: "en");
        await api.Press(Staff, Staff, $"Xv:{e.Id}:uk", language: "en");
        await api.Received(Staff, T("en", "desk.voice.prompt", ("language", T("uk", "language.name"))));
        api.SendVoice(Staff, "uk-announcement-voice", "en", duration: 25);
        await api.Received(Staff, T("en", "desk.voice.saved", ("language", T("uk", "language.name"))));
        await api.Press(Staff, Staff, "Xn:", language: "en");
        await api.Press(Staff, Staff, "Xg:", language: "en");
        var report = await api.Received(StaffChat, T("en", "broadcast.state.done"), TimeSpan.FromSeconds(30));
        Assert.Contains("✅ sent 3 of 3", report.Text);

        var calls = api.Calls.ToList();
        foreach (var resident in new long[] { 7001, 7002 })
        {
            var text = calls.FindIndex(c => c.Method == "sendMessage" && c.ChatId == resident && c.Text!.Contains(T("uk", "event.new")));
            var voice = calls.FindIndex(c => c.Method == "sendVoice" && c.ChatId == resident);
            Assert.True(text >= 0 && voice > text, $"{resident}: text at {text}, voice at {voice}");
            Assert.Equal("uk-announcement-voice", calls[voice].Body["voice"]!.ToString());
            Assert.Single(calls, c => c.Method == "sendVoice" && c.ChatId == resident);
        }
        Assert.Single(calls, c => c.Method == "sendMessage" && c.ChatId == 7003 && c.Text!.Contains(T("en", "event.new")));
        Assert.DoesNotContain(calls, c => c.Method == "sendVoice" && c.ChatId == 7003);
    }

    [Fact]
    public async Task Killed_three_times_during_an_announcement_with_a_voice_nobody_gets_either_part_three_times()
    {
        const int Recipients = 1500, Kills = 3;
        var dataDir = Directory.CreateTempSubdirectory("bennbot-voice-crash-").FullName;
        await using var api = await new FakeBotApi(BotUnderTest.Token).Start();
        try
        {
            var dbPath = Path.Combine(dataDir, "bennbot.db");
            var residents = Enumerable.Range(1, Recipients).Select(i => 200_000L + i).ToList();
            using (var db = new Database(dbPath))
            {
                var cafe = EventSeeds.Cafe(DateTime.UtcNow.AddDays(2)) with { Voice = new() { ["uk"] = "uk-voice-note" } };
                var e = await EventSeeds.Subscribers(db, residents, cafe, "uk");
                await EventSeeds.Announce(db, e, StaffChat);
            }
            api.AddFile("uk-voice-note", new byte[4096], "voice.oga"); // a voice message Telegram knows
            api.RecordCalls = false;
            api.SendLatency = TimeSpan.FromMilliseconds(20);
            var settings = new Dictionary<string, string>
            {
                ["BennBot__Telegram__Token"] = BotUnderTest.Token,
                ["BennBot__Telegram__ApiBaseUrl"] = api.BaseUrl,
                ["BennBot__Storage__DatabasePath"] = dbPath,
                ["BennBot__Broadcast__MessagesPerSecond"] = "300",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            int Voices() => api.VoiceDeliveries.Count(kv => kv.Key > 0);
            for (var kill = 1; kill <= Kills; kill++)
            {
                var target = kill * Recipients / (Kills + 1);
                using var bot = new BotProcess(settings);
                await api.WaitFor(() => Voices() >= target ? api : null, TimeSpan.FromSeconds(90), $"{target} voice deliveries before kill {kill}");
                bot.Kill();
                output.WriteLine($"kill {kill} after {Voices()} residents had the voice");
            }
            Assert.True(Voices() < Recipients, "the broadcast finished before the last kill: nothing was tested");
            using (var last = new BotProcess(settings))
            {
                await api.WaitFor(() => Voices() == Recipients ? api : null, TimeSpan.FromSeconds(120), "every resident's voice after the last restart");
                await Task.Delay(2000); // a resend would show up now
            }
            var texts = residents.Select(api.DeliveredTo).ToList();
            var voices = residents.Select(r => api.VoiceDeliveries.GetValueOrDefault(r)).ToList();
            output.WriteLine($"{Recipients} recipients, {Kills} kills: text twice {texts.Count(c => c == 2)}, voice twice {voices.Count(c => c == 2)}, "
                + $"three times or more: text {texts.Count(c => c > 2)}, voice {voices.Count(c => c > 2)}; voice before text {api.VoicesBeforeText}");
            Assert.All(texts, c => Assert.InRange(c, 1, 2));
            Assert.All(voices, c => Assert.InRange(c, 1, 2));
            Assert.Equal(0, api.VoicesBeforeText);
            Assert.InRange(texts.Count(c => c == 2) + voices.Count(c => c == 2), 0, Kills * Broadcaster.Concurrency);
            using var reopened = new Database(dbPath);
            var b = reopened.Read(d => BroadcastStore.Broadcasts(d).FindAll().Single());
            Assert.Equal(BroadcastStatus.Done, b.Status);
            Assert.Equal(Recipients, reopened.Read(d => BroadcastStore.Count(d, b.Id, DeliveryStatus.Sent)));
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}
