using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using BennBot.Tests.EndToEnd;

namespace BennBot.Tests.Hosting;

/// <summary>With a collector configured, the bot's counters arrive there over OTLP/HTTP.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_the_bennbot_meter_is_exported_to_the_collector_and_carries_no_personal_data()
    {
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try { context = await collector.GetContextAsync(); } catch (Exception) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        await using var bot = await BotUnderTest.Start($"--BennBot:Telemetry:OtlpEndpoint=http://127.0.0.1:{port}", "--BennBot:Telemetry:ExportSeconds=1");
        bot.Api.SendText(5550008888888, "/help", "en");
        await bot.Api.WaitForMessages(5550008888888, 1);
        var export = await bot.Api.WaitFor(() => received.FirstOrDefault(r => Contains(r.Body, "bennbot.updates")) is { Body: not null } r ? r.Body : null,
            TimeSpan.FromSeconds(20), "an export with bennbot.updates");
        Assert.Equal("/v1/metrics", received.First(r => Contains(r.Body, "bennbot.updates")).Path);
        Assert.False(Contains(export, "5550008888888"));
        Assert.False(Contains(export, "TEST-TOKEN"));
    }

    private static bool Contains(byte[] bytes, string text) => bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
