namespace BennBot.FakeTelegram;

/// <summary>A Bot API that is down: while <see cref="Down"/> is set, every call it covers either loses its connection
/// without an answer (Telegram unreachable) or gets the outage's error (502, or 409 when another instance polls).
/// Calls that met the outage are counted per method, so a test can see how hard the bot knocked.</summary>
public sealed partial class FakeBotApi
{
    private readonly Dictionary<string, int> _refusedDuringOutage = [];

    public Outage? Down { get; set; }

    /// <summary>Calls of <paramref name="method"/> that met an outage so far.</summary>
    public int CallsDuringOutage(string method) { lock (_refusedDuringOutage) return _refusedDuringOutage.GetValueOrDefault(method); }

    /// <summary>The outage this call meets, counted; null when the API is up for it.</summary>
    private Outage? OutageFor(string method)
    {
        if (Down is not { } down || down.Methods is { } only && !only.Contains(method)) return null;
        lock (_refusedDuringOutage) _refusedDuringOutage[method] = _refusedDuringOutage.GetValueOrDefault(method) + 1;
        return down;
    }
}

/// <summary>An outage of the Bot API. <paramref name="Code"/> null: the connection is dropped (unreachable);
/// otherwise every call is answered with that error. <paramref name="Methods"/> null: every method.</summary>
public sealed record Outage(int? Code = null, string Description = "Bad Gateway", IReadOnlySet<string>? Methods = null)
{
    public static Outage Unreachable(params string[] methods) => new(null, "", methods.Length == 0 ? null : methods.ToHashSet());

    public static Outage Answering(int code, string description, params string[] methods) =>
        new(code, description, methods.Length == 0 ? null : methods.ToHashSet());
}
