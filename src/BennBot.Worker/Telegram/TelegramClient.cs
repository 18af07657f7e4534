using BennBot.Worker.Hosting;
using Telegram.Bot;

namespace BennBot.Worker.Telegram;

public static class TelegramClient
{
    public static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(25);

    /// <summary>The token is part of every Bot API URL, so this HttpClient has no logging handlers at all
    /// (IHttpClientFactory's loggers redact only the query string). RetryThreshold = 0: the client must not
    /// sleep out 429s by itself; <see cref="SendGate"/> owns flood control, for every sender at once.</summary>
    public static TelegramBotClient Create(BennBotOptions options)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = PollTimeout + TimeSpan.FromSeconds(15),
        };
        var clientOptions = new TelegramBotClientOptions(options.Token!, options.ApiBaseUrl.ToString().TrimEnd('/'))
        {
            RetryThreshold = 0,
        };
        return new TelegramBotClient(clientOptions, http);
    }
}
