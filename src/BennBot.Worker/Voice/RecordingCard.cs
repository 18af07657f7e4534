using System.Security.Cryptography;
using System.Text;
using BennBot.Content;

namespace BennBot.Worker.Voice;

/// <summary>The number a staff card for one entry's answer in one language is remembered by (<see cref="Conversations.SentCards"/>
/// keep a number per message): a hash of entry id and language, so it stays the same when the seeds add or reorder entries.</summary>
public static class RecordingCard
{
    public static long Code(string entryId, Language language)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{entryId}:{language.Code}"));
        return (long)(BitConverter.ToUInt64(hash) >> 12) + 1; // positive, and exact in JSON
    }

    public static (Entry Entry, Language Language)? Target(ContentSet content, long code) =>
        content.Entries.SelectMany(e => Languages.All.Select(l => (e, l))).Where(x => Code(x.e.Id, x.l) == code)
            .Select(x => ((Entry, Language)?)x).FirstOrDefault();
}
