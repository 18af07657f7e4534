using System.Diagnostics;

namespace BennBot.FakeTelegram;

/// <summary>Whether a message-sending call is accepted (rate limits), and what was accepted (delivery counters).</summary>
public sealed partial class FakeBotApi
{
    private static readonly long Second = Stopwatch.Frequency;
    private static readonly long Minute = 60 * Stopwatch.Frequency;

    private readonly Lock _admission = new();
    private readonly SlidingWindow _overall = new(Second);
    private readonly Dictionary<long, SlidingWindow> _groupWindows = [];
    private readonly Dictionary<long, SlidingWindow> _privateWindows = [];
    private readonly Dictionary<long, int> _deliveries = [];
    private int _accepted;
    private int _tooManyRequests;

    /// <summary>Telegram's flood limits, enforced on the message-sending methods with real 429 answers; null (the default)
    /// enforces nothing. Only requests accepted while limits are set count towards them.</summary>
    public RateLimits? Limits { get; set; }

    /// <summary>How many 429s the rate limits answered (injected 429s from <see cref="Fail"/> not included).</summary>
    public int TooManyRequestsAnswered => Volatile.Read(ref _tooManyRequests);

    /// <summary>Message-sending calls (sendMessage, sendDocument, editMessageText, sendPhoto, sendVoice, copyMessage,
    /// forwardMessage) answered with success.</summary>
    public int Accepted { get { lock (_admission) return _accepted; } }

    /// <summary>sendMessage and sendDocument calls to <paramref name="chatId"/> answered with success.</summary>
    public int DeliveredTo(long chatId) { lock (_admission) return _deliveries.GetValueOrDefault(chatId); }

    /// <summary>How many chats with an id in [<paramref name="from"/>, <paramref name="to"/>) got at least one
    /// sendMessage or sendDocument; counted without a snapshot, for benchmarks with 100,000 chats.</summary>
    public int ChatsDeliveredTo(long from, long to)
    {
        lock (_admission)
        {
            var n = 0;
            foreach (var id in _deliveries.Keys) if (id >= from && id < to) n++;
            return n;
        }
    }

    private readonly Dictionary<long, int> _voiceDeliveries = [];
    private int _voicesBeforeText;

    /// <summary>A snapshot: chat id → sendVoice calls to it answered with success (counted without recording calls).</summary>
    public IReadOnlyDictionary<long, int> VoiceDeliveries { get { lock (_admission) return new Dictionary<long, int>(_voiceDeliveries); } }

    /// <summary>sendVoice calls accepted for a chat that had not yet been sent any message or document.</summary>
    public int VoicesBeforeText { get { lock (_admission) return _voicesBeforeText; } }

    /// <summary>A snapshot: chat id → sendMessage and sendDocument calls to it answered with success.</summary>
    public IReadOnlyDictionary<long, int> Deliveries { get { lock (_admission) return new Dictionary<long, int>(_deliveries); } }

    /// <summary>Accepts the call and counts it, or, when a limit is reached, returns the whole seconds (at least 1)
    /// until it would be accepted. Checking and counting happen under one lock.</summary>
    private int? Admit(string method, long? chatId)
    {
        lock (_admission)
        {
            var now = Stopwatch.GetTimestamp();
            if (Limits is { } limits)
            {
                var chat = ChatWindow(limits, chatId, out var chatLimit);
                var wait = Math.Max(_overall.WaitBeforeNext(now, limits.PerSecond), chat?.WaitBeforeNext(now, chatLimit) ?? 0);
                if (wait > 0)
                {
                    _tooManyRequests++;
                    return (int)Math.Max(1, (wait + Second - 1) / Second);
                }
                _overall.Accept(now);
                chat?.Accept(now);
            }
            if (++_accepted % 4096 == 0) ForgetIdleChats(now);
            if (chatId is { } id && method is "sendMessage" or "sendDocument") _deliveries[id] = _deliveries.GetValueOrDefault(id) + 1;
            if (chatId is { } to && method == "sendVoice")
            {
                if (_deliveries.GetValueOrDefault(to) == 0) _voicesBeforeText++;
                _voiceDeliveries[to] = _voiceDeliveries.GetValueOrDefault(to) + 1;
            }
            return null;
        }
    }

    private SlidingWindow? ChatWindow(RateLimits limits, long? chatId, out int limit)
    {
        limit = 0;
        Dictionary<long, SlidingWindow> windows;
        long span;
        if (chatId is not { } id) return null;
        if (id < 0) (windows, span, limit) = (_groupWindows, Minute, limits.PerGroupPerMinute);
        else if (id > 0 && limits.PerPrivateChatPerSecond is { } perChat) (windows, span, limit) = (_privateWindows, Second, perChat);
        else return null;
        if (!windows.TryGetValue(id, out var window)) windows[id] = window = new SlidingWindow(span);
        return window;
    }

    /// <summary>Keeps the per-chat windows small when many chats each get a few messages.</summary>
    private void ForgetIdleChats(long now)
    {
        foreach (var windows in new[] { _groupWindows, _privateWindows })
            foreach (var (id, window) in windows)
            {
                window.Forget(now);
                if (window.IsEmpty) windows.Remove(id);
            }
    }
}
