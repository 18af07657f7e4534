using BennBot.Content;

namespace BennBot.Tests.Content;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("يمكنني", "یمکننی")]          // Arabic yeh and kaf → Persian forms
    [InlineData("أإآا", "اااا")]              // alef variants
    [InlineData("عريضة", "عریضه")]            // teh marbuta → heh
    [InlineData("مُمْكِن", "ممکن")]              // diacritics (harakat) dropped
    [InlineData("می‌خواهم", "میخواهم")]        // ZWNJ dropped: typed with or without it, the same word
    [InlineData("İSTANBUL ılık", "istanbul ilik")] // Turkish dotted and dotless i
    [InlineData("Bürger Straße", "burger strasse")] // umlauts and ß
    [InlineData("ещё Ёлка", "еще елка")]      // Cyrillic ё
    [InlineData("٢٠ ۳۰", "20 30")]             // Eastern Arabic and Persian digits
    public void Spellings_residents_type_fold_onto_one_form(string typed, string folded) =>
        Assert.Equal(folded, TextNormalizer.Fold(typed));
}
