using System.Collections.Concurrent;
using BennBot.FakeTelegram;
using BennBot.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BennBot.Tests.EndToEnd;

/// <summary>The real host, configured only through its settings, talking over HTTP to a fake Bot API.</summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    public const string Token = "123456:TEST-TOKEN-secret-part-xyz";

    private readonly IHost _host;

    private BotUnderTest(FakeBotApi api, IHost host, string dataDir, CapturedLogs logs)
    {
        Api = api; _host = host; DataDir = dataDir; Logs = logs;
    }

    public FakeBotApi Api { get; }
    public string DataDir { get; }
    public CapturedLogs Logs { get; }
    public IServiceProvider Services => _host.Services;

    public static async Task<BotUnderTest> Start(params string[] extraSettings)
    {
        var api = await new FakeBotApi(Token).Start();
        var dataDir = Directory.CreateTempSubdirectory("bennbot-test-").FullName;
        string[] settings =
        [
            $"--BennBot:Telegram:Token={Token}",
            $"--BennBot:Telegram:ApiBaseUrl={api.BaseUrl}",
            $"--BennBot:Storage:DatabasePath={Path.Combine(dataDir, "bennbot.db")}",
            $"--BennBot:Content:ModelCache={TestContent.ModelCache}",
            .. extraSettings,
        ];
        var logs = new CapturedLogs();
        var host = BotHost.Build(App.Load(settings), settings, l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await host.StartAsync();
        await api.WaitFor(() => api.GetUpdatesCalls > 0 ? api : null, what: "the first getUpdates");
        return new BotUnderTest(api, host, dataDir, logs);
    }

    private bool _stopped;

    /// <summary>Stops the bot (the database is closed) but keeps its files, so a test can read them.</summary>
    public async Task Stop()
    {
        if (_stopped) return;
        _stopped = true;
        await _host.StopAsync();
        _host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        await Api.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Every log line the host writes, at every level, with exceptions in full.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string category) => new Logger(this, category);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format) =>
            sink.Lines.Enqueue($"{level} {category} [{id.Id}] {format(state, e)} {e}");
    }
}
