using System.Security.Cryptography;
using System.Text;

namespace BennBot.Content;

/// <summary>Names a trained model by a hash of everything it was trained from (the seeds' texts, their classes and the
/// training settings), so that a kept model is used only for exactly the seeds it was trained on.</summary>
public static class ModelKey
{
    public static string Of(IEnumerable<string> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts) { sha.AppendData(Encoding.UTF8.GetBytes(part)); sha.AppendData([0]); }
        return Convert.ToHexString(sha.GetHashAndReset())[..20].ToLowerInvariant();
    }
}
