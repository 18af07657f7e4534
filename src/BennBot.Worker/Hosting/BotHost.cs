using BennBot.Content;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Privacy;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace BennBot.Worker.Hosting;

/// <summary>The Telegram bot as a hosted service. The database is opened before the host is built, so a second
/// instance or an unwritable file stops the start with one clear sentence.</summary>
public static class BotHost
{
    /// <summary>Set by the bot's own entry point (Program.cs): one aggressive collection once the host has started. Off
    /// when a host is built inside another process (tests, benchmarks), where it would pause everything else there.</summary>
    public static bool CollectAfterStart { get; set; }

    public static IHost Build(App app, string[] configArgs, Action<ILoggingBuilder>? logging = null) =>
        Build(app, OpenDatabase(app.Options), configArgs, logging);

    /// <summary>The bot's own start (issue 11: cold start). The seeds and the answer index take one core for about half
    /// a second and opening the database the other for a quarter, so they run side by side; the first answer's code
    /// is then compiled while the host is built, not while a resident waits. The same checks in the same order as
    /// <see cref="Build(App, string[], Action{ILoggingBuilder}?)"/>: the seeds first, then the token and the database.</summary>
    public static async Task<IHost> Start(string[] configArgs)
    {
        var (options, configuration) = App.Settings(configArgs);
        var opening = Task.Run(() => OpenDatabase(options));
        App app;
        try { app = App.Load(options, configuration); }
        catch
        {
            // The seeds' problem is the one to tell; a database that did open is closed again (its lock released).
            await Task.WhenAny(opening);
            if (opening.IsCompletedSuccessfully) opening.Result.Dispose();
            else _ = opening.Exception;
            throw;
        }
        _ = Task.Run(() => app.Index.Ask(WarmUp));
        return Build(app, await opening, configArgs, logging: null);
    }

    private const string WarmUp = "Wie kann ich in Weißensee mitmachen?";

    /// <summary>The database, once the token is known to be there: a second instance or an unwritable file stops the
    /// start here with one clear sentence.</summary>
    public static Database OpenDatabase(BennBotOptions options)
    {
        if (options.Token is null)
            throw new StartupException(
                "No Telegram bot token is configured: set BennBot__Telegram__Token (from @BotFather), or try BennBot in this terminal with: dotnet run --project src/BennBot.Worker -- chat",
                ExitCodes.NotConfigured);
        return new Database(options.DatabasePath, options.DatabasePassword);
    }

    private static IHost Build(App app, Database database, string[] configArgs, Action<ILoggingBuilder>? logging)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        logging?.Invoke(builder.Logging);
        var s = builder.Services;
        s.AddSingleton(sp => // a factory, so the container disposes it (checkpoint, release the lock) on stop
        {
            database.UseLogger(sp.GetRequiredService<ILogger<Database>>());
            return database;
        });
        s.AddSingleton(app.Options);
        s.AddSingleton(app.Content);
        s.AddSingleton(app.Index);
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton(sp => app.NewConversation(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>()));
        s.AddSingleton<ITelegramBotClient>(_ => TelegramClient.Create(app.Options));
        s.AddSingleton(sp => new SendGate(sp.GetRequiredService<TimeProvider>(), app.Options.MessagesPerSecond));
        s.AddSingleton<TelegramSender>();
        s.AddSingleton<OutboxSender>();
        s.AddSingleton(sp => new FloodGuard(sp.GetRequiredService<TimeProvider>()));
        s.AddSingleton<CalendarImports>();
        s.AddSingleton(sp => new ErasureService(sp.GetRequiredService<Database>(), TimeSpan.FromMinutes(app.Options.CompactMinutes),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ErasureService>>()));
        s.AddHostedService(sp => sp.GetRequiredService<ErasureService>());
        s.AddSingleton<UpdateProcessor>();
        s.AddSingleton<BotStatus>();
        s.AddSingleton(sp => new BotProfile(sp.GetRequiredService<ITelegramBotClient>(), app.Content, app.Options.DefaultLanguage, sp.GetRequiredService<ILogger<BotProfile>>(), topicsOn: app.Options.StaffChatId is not null));
        s.AddSingleton(sp => new UpdateWorkers(sp.GetRequiredService<UpdateProcessor>(), app.Options.Workers, sp.GetRequiredService<ILogger<UpdateWorkers>>(),
            sp.GetRequiredService<TimeProvider>()));
        s.AddHostedService<UpdatePoller>();
        s.AddHostedService<Housekeeping>();
        s.AddHostedService<Broadcaster>();
        if (app.Options.OtlpEndpoint is { } otlp) Telemetry.Export(s, otlp, app.Options.MetricsExportSeconds);
        var host = builder.Build();
        // Training the model and building the index leave tens of MB of garbage, and the GC would keep the memory it
        // grew to for them. One aggressive collection once started compacts (large objects too) and gives it back;
        // the C library's heap gives back what start-up freed in it (README, "Memory over time"; issue 17).
        if (CollectAfterStart)
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            {
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                NativeHeap.Trim();
            });
        return host;
    }
}
