using System.Collections.Concurrent;

namespace BennBot.FakeTelegram;

/// <summary>Scripted Bot API errors: by method in order (<see cref="Fail"/>), by chat (<see cref="FailChat"/>),
/// and by content (<see cref="FailMatching"/>).</summary>
public sealed partial class FakeBotApi
{
    private readonly ConcurrentQueue<(string Method, int Code, int? RetryAfter, string Description)> _faults = new();
    private readonly Lock _scripts = new();
    private readonly Dictionary<long, ScriptedError> _chatErrors = [];
    private readonly List<(Func<ApiCall, bool> When, ScriptedError Error)> _matchingErrors = [];

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with this Bot API error.
    /// The faults form one queue: a fault for another method at its head holds back the ones behind it.</summary>
    public void Fail(string method, int code, int times = 1, int? retryAfter = null, string description = "Injected failure")
    {
        for (var i = 0; i < times; i++) _faults.Enqueue((method, code, retryAfter, description));
    }

    /// <summary>The next <paramref name="times"/> message-sending calls (sendMessage, sendDocument, editMessageText,
    /// sendPhoto, sendVoice, copyMessage, forwardMessage) to <paramref name="chatId"/> fail with this Bot API error,
    /// e.g. 403 "Forbidden: bot was blocked by the user" or 400 "Bad Request: chat not found". Replaces an earlier
    /// script for the chat; <paramref name="times"/> 0 removes it.</summary>
    public void FailChat(long chatId, int code, string description, int times = int.MaxValue)
    {
        lock (_scripts)
        {
            if (times > 0) _chatErrors[chatId] = new ScriptedError(code, description, times);
            else _chatErrors.Remove(chatId);
        }
    }

    /// <summary>The next <paramref name="times"/> calls (of any method but getUpdates) for which <paramref name="when"/>
    /// holds fail with this Bot API error, e.g. 400 "Bad Request: can't parse entities" for texts with a marker.
    /// Rules are tried in the order they were added.</summary>
    public void FailMatching(Func<ApiCall, bool> when, int code, string description, int times = int.MaxValue)
    {
        if (times <= 0) return;
        lock (_scripts) _matchingErrors.Add((when, new ScriptedError(code, description, times)));
    }

    private (string Method, int Code, int? RetryAfter, string Description)? NextFault(string method)
    {
        if (_faults.TryPeek(out var f) && f.Method == method && _faults.TryDequeue(out f)) return f;
        return null;
    }

    /// <summary>The scripted error this call meets, if any, using up one of its times.</summary>
    private ScriptedError? ScriptedErrorFor(ApiCall call)
    {
        lock (_scripts)
        {
            if (IsMessageMethod(call.Method) && call.ChatId is { } chatId && _chatErrors.TryGetValue(chatId, out var forChat))
            {
                if (forChat.UseOnce()) _chatErrors.Remove(chatId);
                return forChat;
            }
            var rule = _matchingErrors.FindIndex(r => r.When(call));
            if (rule < 0) return null;
            var error = _matchingErrors[rule].Error;
            if (error.UseOnce()) _matchingErrors.RemoveAt(rule);
            return error;
        }
    }

    private sealed class ScriptedError(int code, string description, int times)
    {
        private int _left = times;

        public int Code => code;
        public string Description => description;

        /// <summary>Counts one use; true when none are left.</summary>
        public bool UseOnce() => --_left <= 0;
    }
}
