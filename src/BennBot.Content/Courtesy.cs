using System.Text;

namespace BennBot.Content;

/// <summary>What a message says besides a question: a greeting, thanks, or nothing but courtesy.</summary>
public enum Courtesy { None, Greeting, Thanks, Emoji }

/// <summary>Greetings, thanks and "I have a question" around a question, in our languages, as people type them:
/// taken out before the question is matched, so "Hallo, wie mache ich eine Petition?" is about a petition and not
/// small talk, and a message of nothing else is answered in kind ("hallo" → hello, "danke" → you're welcome).
/// Phrases are compared on folded words (<see cref="TextNormalizer.Fold"/>), longest first.</summary>
public static class CourtesyWords
{
    private static readonly string[] Greetings =
    [
        "hallo", "hallo zusammen", "hi", "hey", "hej", "hello", "helo", "hallöchen", "moin", "servus", "guten tag", "guten morgen", "guten abend",
        "good morning", "good evening", "good afternoon", "dear", "dear team", "liebes team", "salam", "salaam", "salam alaikum", "assalamu alaikum",
        "selam", "selamlar", "merhaba", "mrb", "slm", "selamun aleykum", "selamın aleyküm", "iyi gunler", "iyi günler", "gunaydin", "günaydın", "iyi aksamlar", "iyi akşamlar",
        "привет", "привіт", "здравствуйте", "здрасте", "добрий день", "добрый день", "доброго дня", "вітаю", "доброе утро", "добрий вечір", "добрый вечер",
        "مرحبا", "مرحباً", "مرحبتين", "السلام عليكم", "سلام عليكم", "السلام", "سلام", "اهلا", "أهلا", "أهلاً", "اهلين", "أهلين", "هلا", "هاي", "صباح الخير", "مساء الخير",
        "سلام علیکم", "درود", "وقت بخیر", "وقت تان بخیر", "روز بخیر", "صبح بخیر", "عصر بخیر", "هلو", "салам", "салам алейкум", "ассаламу алейкум",
        "privet", "pryvit", "zdravstvuyte", "marhaba", "marhaban", "ahlan", "ahlain", "dorood",
    ];

    private static readonly string[] Thanks =
    [
        "danke", "danke dir", "danke euch", "danke ihnen", "alles klar", "super danke", "danke schön", "dankeschön", "danke sehr", "vielen dank", "danke schon mal", "danke im voraus", "dankeschon", "merci",
        "danke für die hilfe", "danke für ihre hilfe", "danke für deine hilfe", "danke für eure hilfe", "vielen dank für die hilfe", "vielen dank für ihre hilfe",
        "thanks for your help", "thank you for your help", "thanks for the help", "thank you for the help", "thanks for helping", "thank you for helping",
        "yardımınız için teşekkürler", "yardiminiz icin tesekkurler", "yardımın için teşekkürler", "yardimin icin tesekkurler", "yardımınız için teşekkür ederim",
        "спасибо за помощь", "дякую за допомогу", "spasibo za pomoshch", "dyakuyu za dopomohu",
        "شكرا على المساعدة", "شكرا عالمساعدة", "شكرا ع المساعدة", "شكرا للمساعدة", "شكرا على مساعدتك", "شكرا على مساعدتكم",
        "ممنون از کمکت", "ممنون از کمکتون", "ممنون از کمک شما", "ممنون بابت کمک", "مرسی از کمکت", "مرسی بابت کمکت", "تشکر از کمک تان", "تشکر از کمکت",
        "shukran 3al musa3ade", "shukran 3ala el mosa3da", "mamnoon az komaket", "merci baraye komak",
        "thanks", "thank you", "thank you so much", "thanks so much", "great thanks", "thanks for the info", "thanks for the answer", "thank u", "thanks a lot", "thank you very much", "thx", "ty", "many thanks", "thanks in advance",
        "teşekkürler", "tesekkurler", "sağolun", "sagolun", "çok sağol", "cok sagol", "teşekkür ederim", "tesekkur ederim", "sağol", "sagol", "sağ ol", "sag ol", "eyvallah", "çok teşekkürler", "cok tesekkurler", "eyv", "eyw", "tşk", "tsk", "tşkler", "tskler", "sağolasın", "sagolasin",
        "спасибо", "спасибо вам", "спасибо за ответ", "спасибо за ответы", "спасибо большое", "дякую вам", "дякую за відповідь", "большое спасибо", "благодарю", "дякую", "щиро дякую", "дуже дякую", "спасибі", "спс", "пасиб", "пасибо", "дяки", "дякс",
        "شكرا", "شكراً", "شكرا الك", "شكرا كتير الك", "الف شكر", "ألف شكر", "شكرا لك", "شكرا لكم", "شكرا ليكم", "شكرا كتير", "شكرا جزيلا", "مشكور", "مشكورين", "يعطيك العافية", "يعطيكم العافية", "الله يعطيك العافية", "تسلم", "تسلمي", "يسلمو", "يسلموا", "تسلم ايدك", "يسلم ايدك", "تسلم ايديك", "مشكورة",
        "ممنون", "ممنونم", "تشکر زیاد", "ممنون از شما", "مرسی از شما", "خیلی ممنونم", "خیلی مرسی", "مرسی", "متشکرم", "سپاس", "سپاسگزارم", "تشکر", "تشکر از شما", "خیلی ممنون", "دستت درد نکنه", "مچکرم", "مچکر", "قربونت", "قربانت", "ممنونتم",
        "shukran", "shokran", "shukran ktir", "shukran kteer", "yislamo", "mashkoor", "mamnoon", "mamnun", "mersi", "spasibo", "spasiba", "spasibo bolshoe", "dyakuyu", "diakuiu", "dyakuju",
    ];

    private static readonly string[] Fillers =
    [
        "ich habe eine frage", "ich hab eine frage", "ich hab ne frage", "kurze frage", "bitte",
        "i have a question", "quick question", "please", "pls", "plz",
        "bir sorum var", "sorum var", "lütfen", "lutfen",
        "у меня вопрос", "есть вопрос", "пожалуйста", "у мене питання", "маю питання", "є питання", "будь ласка",
        "عندي سؤال", "عندي سؤال بسيط", "لو سمحت", "لو سمحتو", "من فضلك", "رجاء",
        "یک سوال دارم", "یه سوال دارم", "سوال دارم", "لطفا", "لطفاً", "لطفن",
        "ok", "okay", "okey", "tamam", "passt", "ok passt", "alles gut", "понял", "поняла", "ясно", "зрозуміло", "хорошо", "добре", "ладно", "باشه", "طيب", "تمام", "اوکی", "yalla", "yallah", "tmm", "khalas", "okk",
        "bye", "tschüss", "tschuss", "ciao", "hoşça kal", "görüşürüz", "пока", "до побачення", "до свидания", "مع السلامة", "خداحافظ", "خدا حافظ",
    ];

    // The phrases by their first word, longest first: a message's word is looked up, not compared with every phrase.
    private static readonly Dictionary<string, (string[] Words, Courtesy Kind)[]> ByFirstWord =
        Greetings.Select(p => (p, Courtesy.Greeting)).Concat(Thanks.Select(p => (p, Courtesy.Thanks))).Concat(Fillers.Select(p => (p, Courtesy.None)))
            .Select(x => (Words: Words(x.p).ToArray(), Kind: x.Item2))
            .GroupBy(x => x.Words[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Words.Length).ToArray());

    /// <summary>The message without its courtesy words (what is left to understand; empty when nothing is), and the
    /// courtesy it carried: thanks wins over a greeting, and a message of only emoji is <see cref="Courtesy.Emoji"/>.</summary>
    public static (string Question, Courtesy Kind) Split(string message)
    {
        var words = Tokens(message).ToList();
        if (words.Count == 0) return ("", message.Any(IsEmoji) ? Courtesy.Emoji : Courtesy.None);
        var keep = new bool[words.Count];
        Array.Fill(keep, true);
        bool greeting = false, thanks = false;
        for (var i = 0; i < words.Count;)
        {
            var match = ByFirstWord.GetValueOrDefault(words[i].Folded)?
                .FirstOrDefault(p => p.Words.Length <= words.Count - i && p.Words.Select((w, k) => w == words[i + k].Folded).All(x => x)) ?? default;
            if (match.Words is null) { i++; continue; }
            for (var k = 0; k < match.Words.Length; k++) keep[i + k] = false;
            greeting |= match.Kind == Courtesy.Greeting;
            thanks |= match.Kind == Courtesy.Thanks;
            i += match.Words.Length;
        }
        var rest = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
            if (keep[i]) rest.Append(words[i].Text).Append(words[i].After);
        return (rest.ToString().Trim(), thanks ? Courtesy.Thanks : greeting ? Courtesy.Greeting : Courtesy.None);
    }

    private static IEnumerable<string> Words(string phrase) => Tokens(phrase).Select(t => t.Folded);

    // Words with what follows each (spaces, punctuation), so the rest keeps its sentence breaks.
    private static IEnumerable<(string Text, string Folded, string After)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i++;
            if (i == start) { i++; continue; }
            var word = text[start..i];
            var after = i;
            while (i < text.Length && !IsWordChar(text, i)) i++;
            yield return (word, TextNormalizer.Fold(word), text[after..i]);
        }
    }

    private static bool IsWordChar(string text, int i) =>
        char.IsLetterOrDigit(text[i]) || text[i] is '\u200C' or '\u0640' || (text[i] is '.' or '\'' or '-' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))
        || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsEmoji(char c) => char.IsSurrogate(c) || c is >= '\u2600' and <= '\u27BF';
}
