using System.Security.Cryptography;
using System.Text;
using BennBot.Content;

namespace BennBot.Worker.Voice;

/// <summary>The answer text a recording was made for, as a short hash (issue 15: voice never contradicts text). When the
/// seeds change the title or the answer in that language, the hash differs and the recording is outdated.</summary>
public static class AnswerHash
{
    public static string Of(Entry entry, Language language)
    {
        var text = entry.Text(language);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text.Title + "\n" + text.Answer));
        return Convert.ToHexString(bytes)[..16].ToLowerInvariant();
    }
}
