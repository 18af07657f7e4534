using System.Globalization;
using System.Text;

namespace BennBot.Content;

/// <summary>Folds the spellings residents really type onto one form (applied to the analyzers' stems): case (with Turkish İ/ı), diacritics and
/// umlauts, Arabic/Persian letter variants (ي/ى/ی, ك/ک, أ/إ/آ, ة/ه, tatweel, ZWNJ), Eastern digits.</summary>
public static class TextNormalizer
{
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            switch (c)
            {
                case '\u200C' or '\u200D' or '\u0640' or '\u00AD': continue; // ZWNJ, ZWJ, tatweel, soft hyphen
                case 'İ' or 'I' or 'ı': sb.Append('i'); continue;
                case 'ß': sb.Append("ss"); continue;
                case 'ي' or 'ى' or 'ی' or 'ئ': sb.Append('ی'); continue;
                case 'ك' or 'ک': sb.Append('ک'); continue;
                case 'أ' or 'إ' or 'آ' or 'ٱ': sb.Append('ا'); continue;
                case 'ة': sb.Append('ه'); continue;
                case 'ؤ': sb.Append('و'); continue;
                case 'ё' or 'Ё': sb.Append('е'); continue;
            }
            if (c is >= '\u0660' and <= '\u0669') { sb.Append((char)('0' + c - '\u0660')); continue; }
            if (c is >= '\u06F0' and <= '\u06F9') { sb.Append((char)('0' + c - '\u06F0')); continue; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
