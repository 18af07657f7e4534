using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Conversations;

/// <summary>The engine as a plain function: update + resident in, replies + one change out.</summary>
public sealed class ConversationTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly Conversation _conversation;

    public ConversationTests() => _conversation = new(TestContent.Content, TestContent.Index, Languages.German,
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)), _temp.Db);

    public void Dispose() => _temp.Dispose();

    /// <summary>The same engine with a staff chat: topics and "ask the team" are on.</summary>
    private Conversation WithStaff() =>
        new(TestContent.Content, TestContent.Index, Languages.German, new FakeTimeProvider(), _temp.Db, new StaffSettings([900], -100500));

    private static Incoming Text(string text, string? lang = "de") => new Incoming.Text(1, 42, 42, lang, text);
    private static Incoming Press(string data, string? lang = "de") => new Incoming.Button(1, 42, 42, lang, data, "q");

    /// <summary>An answer the bot is fairly sure of comes with "did I get that right?" and the other candidates. A
    /// candidate that was already under the answer, as a related entry, was offered twice (a fresh-eyes test: a Russian
    /// school question showed the young people's entry as button 1 and again as button 7).</summary>
    [Fact]
    public void No_entry_is_offered_twice_in_the_replies_to_one_question()
    {
        var asked = new[] { "DevPhone", "DevPhone2", "DevPhone5" }.SelectMany(f => Content.QuestionSetTests.Load(f)).SelectMany(s => s.Value.Select(q => (Lang: s.Key, q.Q)));
        var withCheck = 0;
        foreach (var (lang, q) in asked)
        {
            var replies = _conversation.Handle(Text(q, lang), null).Replies.OfType<SendText>().ToList();
            var entries = replies.SelectMany(r => r.Keyboard?.Rows.SelectMany(row => row) ?? []).Select(b => b.Data).Where(d => d.StartsWith("e:")).ToList();
            Assert.True(entries.Count == entries.Distinct().Count(), $"{lang}: {q} offers {string.Join(", ", entries)}");
            if (replies.Count > 1) withCheck++;
        }
        Assert.True(withCheck > 10, $"only {withCheck} answers with the check"); // the case is there to be seen
    }

    [Fact]
    public void A_new_resident_is_remembered_with_telegrams_language_and_without_a_name()
    {
        var outcome = _conversation.Handle(new Incoming.Command(1, 42, 42, "tr", "start"), null);
        Assert.Equal(new Resident { Id = 42, Language = "tr", LanguageChosen = false, FirstSeen = new DateTime(2026, 11, 25), LastSeen = new DateTime(2026, 11, 25) }, outcome.Save);
        Assert.Contains("Merhaba", ((SendText)outcome.Replies[0]).Html);
    }

    [Fact]
    public void A_link_to_share_a_topic_while_topics_are_off_is_a_plain_start()
    {
        // No staff chat, so nowhere for topics to go: the link's language and target are ignored, as for any stale link.
        Incoming Start(string? payload) => new Incoming.Command(1, 42, 42, "tr", "start", payload ?? "");
        var linked = _conversation.Handle(Start("luk_t"), null);
        var plain = _conversation.Handle(Start(null), null);
        Assert.Equal(plain.Save, linked.Save);
        Assert.Equal(plain.Replies.Cast<SendText>().Select(r => r.Html), linked.Replies.Cast<SendText>().Select(r => r.Html));
        Assert.Equal([new CountStart(StartCount.Direct, null, Newcomer: true)], linked.Effects);
    }

    [Fact]
    public void The_chosen_language_wins_over_telegrams_language()
    {
        var resident = new Resident { Id = 42, Language = "uk", LanguageChosen = true };
        var reply = (SendText)_conversation.Handle(new Incoming.Command(1, 42, 42, "ar", "help"), resident).Replies[0];
        Assert.Contains("/language", reply.Html);
        Assert.Contains("мов", reply.Html);
    }

    [Fact]
    public void Right_to_left_replies_mark_every_line_and_every_button()
    {
        var resident = new Resident { Id = 42, Language = "fa", LanguageChosen = true };
        var reply = (SendText)_conversation.Handle(Press("e:petition"), resident).Replies[1];
        Assert.All(reply.Html.Split('\n').Where(l => l.Length > 0), l => Assert.Equal('\u200F', l[0]));
        Assert.All(reply.Keyboard!.Buttons, b => Assert.Equal('\u200F', b.Label[0]));
    }

    [Fact]
    public void A_button_press_is_always_answered_first_so_the_app_stops_its_spinner()
    {
        var outcome = _conversation.Handle(Press("definitely-forged"), null);
        Assert.IsType<AnswerButton>(outcome.Replies[0]);
        Assert.Null(outcome.Save);
        Assert.False(outcome.DeleteResident);
    }

    [Fact]
    public void A_question_in_arabic_from_a_german_resident_is_answered_in_german_with_an_offer_to_switch()
    {
        var resident = new Resident { Id = 42, Language = "de", LanguageChosen = true };
        var reply = (SendText)_conversation.Handle(Text("كيف أكتب عريضة إلى البرلمان؟"), resident).Replies[0];
        Assert.Contains("<b>Petitionen</b>", reply.Html);
        Assert.Contains("l:ar", reply.Keyboard!.Buttons.Select(b => b.Data));
    }

    [Theory]
    [InlineData("uk", "хочу бути волонтеркою", "ehrenamt")] // the fresh-eyes test of 2026-12-04 was offered Russian here
    [InlineData("uk", "хочу бути в батьківському комітеті школи", "elternvertretung")] // was "школа нічого не повідомляє батькам, що можна зробити?", since round 20 unsure (the parents' entry first)
    [InlineData("fa", "میخوام داوطلب بشم، از کجا شروع کنم؟", "ehrenamt")]
    public void A_question_in_the_chosen_language_is_not_offered_its_neighbour(string language, string question, string entry)
    {
        var resident = new Resident { Id = 42, Language = language, LanguageChosen = true };
        var reply = (SendText)_conversation.Handle(Text(question, language), resident).Replies[0];
        Assert.Contains(new ButtonAction.Feedback(entry, true).Encode(), reply.Keyboard!.Buttons.Select(b => b.Data)); // answered with that entry
        Assert.DoesNotContain(reply.Keyboard.Buttons, b => b.Data.StartsWith("l:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_question_in_arabic_letters_from_a_farsi_resident_is_offered_arabic()
    {
        var resident = new Resident { Id = 42, Language = "fa", LanguageChosen = true };
        var reply = (SendText)_conversation.Handle(Text("كيف أكتب عريضة إلى البرلمان؟", "fa"), resident).Replies[0];
        Assert.Contains("l:ar", reply.Keyboard!.Buttons.Select(b => b.Data));
    }

    [Theory]
    [InlineData("en", "anything on for kids this saturday")]
    [InlineData("de", "Gibt es am Wochenende was im Kiez?")]
    [InlineData("ar", "شو في نشاطات بالحي يوم السبت؟")]
    [InlineData("fa", "این هفته تو محله چه برنامه‌ای هست؟")]
    [InlineData("uk", "які заходи цього тижня")] // the fresh-eyes test of 2026-12-04 got the legal decline here
    public void A_question_about_what_is_on_gets_the_list_of_upcoming_events(string language, string question)
    {
        var resident = new Resident { Id = 42, Language = language, LanguageChosen = true };
        var reply = (SendText)_conversation.Handle(Text(question, language), resident).Replies[0];
        Assert.Contains(TestContent.Content.T(Languages.Find(language)!, "events.empty"), reply.Html); // none planned in this database
        Assert.Contains(new ButtonAction.EventFilter(true).Encode(), reply.Keyboard!.Buttons.Select(b => b.Data)); // the list's filters
    }

    /// <summary>"Who are you?", "how old are you?": small talk that is neither a greeting nor thanks is told who is
    /// speaking. It used to get "Glad to help!", which a third fresh-eyes test found odd after a question.</summary>
    [Theory]
    [InlineData("ar", "مين انت؟")]
    [InlineData("uk", "Скільки тобі років?")]
    [InlineData("ru", "ты робот?")]
    public void A_question_to_the_bot_about_itself_is_told_who_is_speaking(string language, string question)
    {
        var resident = new Resident { Id = 42, Language = language, LanguageChosen = true };
        var reply = (SendText)_conversation.Handle(Text(question, language), resident).Replies[0];
        Assert.Contains("BENN Weißensee", reply.Html);
        Assert.Contains(Html.Escape(TestContent.Content.T(Languages.Find(language)!, "smalltalk")), reply.Html);
    }

    /// <summary>"May I sign something without German citizenship?" is about taking part, though it names citizenship:
    /// it got the legal decline ("I can't answer questions about your own residence … case") in a fresh-eyes test. The
    /// entries about signing are offered now; a question about the resident's own case is still declined.</summary>
    [Theory]
    [InlineData("ar", "فيني وقّع على شي إذا ما معي الجنسية الألمانية؟")]
    [InlineData("fa", "آیا بدون تابعیت آلمان می‌توانم یک درخواست امضا کنم؟")]
    public void Signing_without_citizenship_is_not_declined_as_a_legal_case(string language, string question)
    {
        var resident = new Resident { Id = 42, Language = language, LanguageChosen = true };
        var lang = Languages.Find(language)!;
        var reply = (SendText)_conversation.Handle(Text(question, language), resident).Replies[0];
        Assert.DoesNotContain(Html.Escape(TestContent.Content.T(lang, "offtopic.legal")), reply.Html);
        Assert.Contains(new ButtonAction.ShowEntry("wahlrecht").Encode(), reply.Keyboard!.Buttons.Select(b => b.Data));

        var own = (SendText)_conversation.Handle(Text(language == "ar" ? "إقامتي بتخلص الشهر الجاي، شو لازم اعمل؟" : "اقامتم ماه بعد تمام میشه، چیکار کنم؟", language), resident).Replies[0];
        Assert.Contains(Html.Escape(TestContent.Content.T(lang, "offtopic.legal")), own.Html);
    }

    [Fact]
    public void A_question_about_events_that_may_mean_an_entry_gets_the_events_and_that_entry_one_tap_away()
    {
        var resident = new Resident { Id = 42, Language = "en", LanguageChosen = true };
        // "… wants to change things in neighbourhood …" until seed round 20b; since then the entry is just under the 0.08 to offer it.
        var mixed = (SendText)_conversation.Handle(Text("my son is 13 and wants to have a say in the neighbourhood, is there anything for kids?", "en"), resident).Replies[0];
        Assert.Contains(new ButtonAction.EventFilter(true).Encode(), mixed.Keyboard!.Buttons.Select(b => b.Data));
        Assert.Contains(new ButtonAction.ShowEntry("jugendbeteiligung").Encode(), mixed.Keyboard.Buttons.Select(b => b.Data));

        var plain = (SendText)_conversation.Handle(Text("what is on this weekend?", "en"), resident).Replies[0];
        Assert.DoesNotContain(plain.Keyboard!.Buttons, b => b.Data.StartsWith("e:", StringComparison.Ordinal)); // no entry is near
    }

    [Fact]
    public void A_neighbourhood_concern_gets_benns_answer_and_one_tap_to_share_it_with_the_team()
    {
        var resident = new Resident { Id = 42, Language = "en", LanguageChosen = true };
        const string concern = "the lamp in our street has been broken for weeks, who can I tell?";
        var reply = (SendText)WithStaff().Handle(Text(concern, "en"), resident).Replies[0];
        Assert.Contains(new ButtonAction.Feedback("benn", true).Encode(), reply.Keyboard!.Buttons.Select(b => b.Data));
        Assert.Contains(new ButtonAction.TopicsMenu().Encode(), reply.Keyboard.Buttons.Select(b => b.Data));

        // Without a staff chat topics have nowhere to go: the same answer, without the button.
        var alone = (SendText)_conversation.Handle(Text(concern, "en"), resident).Replies[0];
        Assert.Contains(new ButtonAction.Feedback("benn", true).Encode(), alone.Keyboard!.Buttons.Select(b => b.Data));
        Assert.DoesNotContain(new ButtonAction.TopicsMenu().Encode(), alone.Keyboard.Buttons.Select(b => b.Data));
    }

    [Fact]
    public void A_long_message_is_asked_to_be_shorter_and_offered_sharing_it_as_a_topic()
    {
        var resident = new Resident { Id = 42, Language = "ar", LanguageChosen = true };
        var reply = (SendText)WithStaff().Handle(Text(string.Concat(Enumerable.Repeat("الجيران ما بيسمعوا لبعض. ", 60)), "ar"), resident).Replies[0];
        Assert.Contains(TestContent.Content.T(Languages.Arabic, "toolong", ("max", Conversation.MaxQuestionLength)), reply.Html);
        Assert.Contains(new ButtonAction.TopicsMenu().Encode(), reply.Keyboard!.Buttons.Select(b => b.Data));
    }

    [Fact]
    public void A_legal_question_is_declined_kindly_with_the_pointer_to_independent_counselling_and_the_team()
    {
        var resident = new Resident { Id = 42, Language = "en", LanguageChosen = true };
        var reply = (SendText)_conversation.Handle(Text("When will I get my residence permit?", "en"), resident).Replies[0];
        Assert.Contains("I can only help with taking part", reply.Html);
        Assert.Contains("independent legal counselling", reply.Html);
        Assert.Contains("ask the BENN team whom to turn to", reply.Html);
        Assert.Contains("m", reply.Keyboard!.Buttons.Select(b => b.Data)); // the menu

        var toTeam = (SendText)WithStaff().Handle(Text("When will I get my residence permit?", "en"), resident).Replies[0];
        Assert.Contains(new ButtonAction.AskTeam().Encode(), toTeam.Keyboard!.Buttons.Select(b => b.Data)); // one tap to ask the team
    }

    [Fact]
    public void A_greeting_alone_gets_hello_and_thanks_alone_gets_you_are_welcome()
    {
        var resident = new Resident { Id = 42, Language = "en", LanguageChosen = true };
        Assert.Contains("Hello!", ((SendText)_conversation.Handle(Text("hallo", "en"), resident).Replies[0]).Html);
        Assert.Contains("You're welcome", ((SendText)_conversation.Handle(Text("thanks a lot!", "en"), resident).Replies[0]).Html);
        Assert.Contains("You're welcome", ((SendText)_conversation.Handle(Text("👍", "en"), resident).Replies[0]).Html);
    }

    [Fact]
    public void A_fairly_sure_answer_asks_whether_it_was_right_with_the_other_candidates_one_tap_away()
    {
        var resident = new Resident { Id = 42, Language = "en", LanguageChosen = true };
        // Vague questions, of which at least one lands between sure and unsure whatever the seeds' wording.
        string[] vague = ["how can we tenants have a say", "we want to change something here", "who decides about our street", "can we do something together", "i want to help"];
        var question = vague.FirstOrDefault(q => TestContent.Index.Ask(q).Band == Band.Check);
        Assert.NotNull(question);
        var result = TestContent.Index.Ask(question);
        var replies = _conversation.Handle(Text(question, "en"), resident).Replies.Cast<SendText>().ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains($"<b>{result.Best!.Entry.Text(Languages.English).Title}</b>", replies[0].Html);
        Assert.Contains("Did I get that right?", replies[1].Html);
        Assert.Equal(result.Alternatives.Select(c => new ButtonAction.ShowEntry(c.Entry.Id).Encode()),
            replies[1].Keyboard!.Buttons.Select(b => b.Data).Where(d => d.StartsWith("e:", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_answer_ends_with_related_options_feedback_ask_the_team_and_the_menu()
    {
        var resident = new Resident { Id = 42, Language = "en", LanguageChosen = true };
        var reply = (SendText)WithStaff().Handle(Press("e:einwohnerantrag"), resident).Replies[1];
        var data = reply.Keyboard!.Buttons.Select(b => b.Data).ToList();
        Assert.Contains("e:petition", data);
        Assert.Contains("f+:einwohnerantrag", data);
        Assert.Contains("f-:einwohnerantrag", data);
        Assert.Equal(["a", "m"], data.TakeLast(2));

        // Without a staff chat there is no "ask the team" button that would lead nowhere.
        var without = (SendText)_conversation.Handle(Press("e:einwohnerantrag"), resident).Replies[1];
        Assert.DoesNotContain("a", without.Keyboard!.Buttons.Select(b => b.Data));
    }

    [Fact]
    public async Task Going_back_to_the_menu_ends_the_wait_for_a_question_to_the_team()
    {
        // The wait is kept in the dialogue store (issue 14), so this reads and writes a real database.
        var db = _temp.Db;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var now = time.GetUtcNow().UtcDateTime;
        var waiting = new Resident { Id = 42, Language = "en", LanguageChosen = true };
        Task Wait() => db.Write(d => DialogueStore.Apply(d, new SaveDialogue(42, new Dialogue.AskingTeam(new DateTime(2026, 11, 25, 10, 10, 0, DateTimeKind.Utc))), now));
        var conversation = new Conversation(TestContent.Content, TestContent.Index, Languages.German, time, db);
        foreach (var incoming in new[] { new Incoming.Command(1, 42, 42, "en", "menu"), new Incoming.Command(1, 42, 42, "en", "cancel"), Press("t", "en") })
        {
            await Wait();
            var outcome = conversation.Handle(incoming, waiting);
            await db.Write(d => OutcomeStore.Apply(d, incoming, outcome, now));
            Assert.Null(db.Read(d => DialogueStore.Find(d, 42))?.AskingTeamUntil);
        }
        await Wait();
        var withStaff = new Conversation(TestContent.Content, TestContent.Index, Languages.German, time, db, new StaffSettings([900], -100500));
        var text = withStaff.Handle(Text("is there a room for our meeting?", "en"), waiting);
        Assert.Contains(text.Effects, e => e is AskTeam); // while waiting, the next text goes to the team
        Assert.Contains(text.Replies, r => r is SendText { To: -100500 });
    }

    [Fact]
    public void Deleting_data_removes_the_resident_record()
    {
        var resident = new Resident { Id = 42, Language = "ru", LanguageChosen = true };
        var outcome = _conversation.Handle(Press("p:y"), resident);
        Assert.True(outcome.DeleteResident);
        Assert.Contains("удал", ((SendText)outcome.Replies[1]).Html);
    }

    [Fact]
    public void Residents_who_block_the_bot_are_marked_so_that_nothing_is_sent_to_them()
    {
        var resident = new Resident { Id = 42, Language = "ru", LanguageChosen = true };
        var outcome = _conversation.Handle(new Incoming.BlockedBot(1, 42, 42), resident);
        Assert.Empty(outcome.Replies);
        Assert.True(outcome.Save!.BlockedBot);
    }
}
