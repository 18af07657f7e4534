using BennBot.Worker.Conversations;

namespace BennBot.Worker.Voice;

public enum VoiceProblem { None, Forged, TooLong }

/// <summary>A voice message as Telegram describes it, checked before anything is kept or sent on (issue 15): a file id
/// that Telegram could not have made, or a negative length, is forged; longer than five minutes (like topics) or larger
/// than bots may fetch is too long.</summary>
public static class VoiceNote
{
    public const int MaxSeconds = 300;
    /// <summary>"Bots can download files of up to 20MB" (Bot API, getFile): a larger file is no voice message we take.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;
    private const int MaxFileIdLength = 200;

    public static VoiceProblem Check(Incoming.Voice incoming)
    {
        if (incoming.FileId is not { Length: > 0 and <= MaxFileIdLength } id || !id.All(IsFileIdChar) || incoming.Seconds < 0 || incoming.Bytes < 0)
            return VoiceProblem.Forged;
        return incoming.Seconds > MaxSeconds || incoming.Bytes > MaxBytes ? VoiceProblem.TooLong : VoiceProblem.None;
    }

    // Telegram's file ids are URL-safe base64.
    private static bool IsFileIdChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_';
}
