using BennBot.Worker.Learning;

namespace BennBot.Tests.Learning;

/// <summary>What the scrubber takes out of a resident's question before staff see it as an example (issue 16).</summary>
public sealed class ExampleScrubberTests
{
    [Theory]
    // Phone numbers: German and international, with the usual separators, in Latin, Arabic and Cyrillic text.
    [InlineData("Ruf mich an: 030 12345678, danke", "Ruf mich an: [☎], danke")]
    [InlineData("Meine Nummer ist 0176-123 456 78.", "Meine Nummer ist [☎].")]
    [InlineData("Tel. (030) 1234567 oder 030/1234567", "Tel. [☎] oder [☎]")]
    [InlineData("call me on +49 176 12345678 please", "call me on [☎] please")]
    [InlineData("0049 (0)30 987654 is my office", "[☎] is my office")]
    [InlineData("رقمي ‎+49 1521 2345678‎ هل يمكنني التوقيع؟", "رقمي ‎[☎]‎ هل يمكنني التوقيع؟")]
    [InlineData("اتصل بي على ٠١٧٦١٢٣٤٥٦٧ من فضلك", "اتصل بي على [☎] من فضلك")]
    [InlineData("Мой телефон +7 (912) 345-67-89, можно подписать?", "Мой телефон [☎], можно подписать?")]
    // Other numbers (a case number, a post code); one or two digits stay: they carry the meaning.
    [InlineData("Aktenzeichen 4711 – ich bin 16, darf ich unterschreiben?", "Aktenzeichen [#] – ich bin 16, darf ich unterschreiben?")]
    [InlineData("wir wohnen in 13086 Berlin", "wir wohnen in [#] Berlin")]
    // E-mail addresses.
    [InlineData("schreibt mir an maria.k+benn@example.org bitte", "schreibt mir an [✉] bitte")]
    [InlineData("بريدي ahmad_1990@gmail.com هل هذا ممكن", "بريدي [✉] هل هذا ممكن")]
    [InlineData("почта ivan@yandex.ru, ответьте", "почта [✉], ответьте")]
    // Street addresses with house numbers.
    [InlineData("Ich wohne in der Berliner Allee 120 im dritten Stock", "Ich wohne in der [🏠] im dritten Stock")]
    [InlineData("Treffen in der Parkstr. 5a?", "Treffen in der [🏠]?")]
    [InlineData("Langhansstraße 7-9, wer ist zuständig?", "[🏠], wer ist zuständig?")]
    [InlineData("I live at 12 Park Street, can I vote?", "I live at [🏠], can I vote?")]
    [InlineData("Gül Sokak No: 5 adresinde oturuyorum", "[🏠] adresinde oturuyorum")]
    [InlineData("أسكن في شارع برلينر 12 وأريد المشاركة", "أسكن في [🏠] وأريد المشاركة")]
    [InlineData("я живу на улице Ленина, д. 5, можно?", "я живу на [🏠], можно?")]
    [InlineData("живу на вул. Шевченка 12, як долучитися?", "живу на [🏠], як долучитися?")]
    // Links.
    [InlineData("siehe https://www.berlin.de/ba-pankow/politik?id=5 dort", "siehe [🔗] dort")]
    [InlineData("is www.example.com/petition real?", "is [🔗] real?")]
    [InlineData("ссылка t.me/joinchat/AbCdEf123 и mein.berlin.de", "ссылка [🔗] и [🔗]")]
    // Telegram handles and ids.
    [InlineData("frag @maria_k oder @BennTestBot", "frag [@] oder [@]")]
    [InlineData("اسألوا ‎@ahmad_berlin‎ عن ذلك", "اسألوا ‎[@]‎ عن ذلك")]
    [InlineData("мой id 5101234567, напишите @ivan_petrov", "мой [🆔], напишите [@]")]
    [InlineData("my telegram id: 98765", "my [🆔]")]
    // Nothing to take out: unchanged (spaces tidied).
    [InlineData("Wie   schreibe ich eine Petition?", "Wie schreibe ich eine Petition?")]
    [InlineData("I bring 20 friends, is that ok?", "I bring 20 friends, is that ok?")]
    public void Scrubs_numbers_addresses_links_and_handles(string question, string expected) =>
        Assert.Equal(expected, ExampleScrubber.Scrub(question));

    [Theory]
    [InlineData("030 1234567", false)]
    [InlineData("@maria_k https://example.org", false)]
    [InlineData("[☎]? [✉]!", false)]
    [InlineData("Petition [☎]", true)]
    [InlineData("عريضة؟", true)]
    public void Knows_whether_words_are_left(string text, bool words) =>
        Assert.Equal(words, ExampleScrubber.HasWords(ExampleScrubber.Scrub(text)));
}
