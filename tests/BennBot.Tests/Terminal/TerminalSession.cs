using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using BennBot.Worker.Hosting;
using BennBot.Worker.Terminal;

namespace BennBot.Tests.Terminal;

/// <summary>One `chat` running in this process as a person would use it: lines are typed while it runs (it waits for them
/// as it waits for the keyboard), and what it prints is read back.</summary>
public sealed class TerminalSession : IAsyncDisposable
{
    private readonly TypedLines _input = new();
    private readonly StringWriter _text = new();
    private readonly TextWriter _output;
    private readonly CancellationTokenSource _stop = new();

    public TerminalSession(App app, ChatSettings settings)
    {
        _output = TextWriter.Synchronized(_text);
        Run = Task.Run(() => ConsoleChat.Run(app, settings, _input, _output, _stop.Token, pollEvery: TimeSpan.FromMilliseconds(100)));
    }

    public Task<int> Run { get; }

    public string Output { get { lock (_output) return _text.ToString(); } }

    public void Type(string line) => _input.Add(line);

    /// <summary>Types the number of the newest button whose label contains <paramref name="label"/>.</summary>
    public async Task Press(string label)
    {
        var pattern = new Regex(@"\[(\d+)\] [^\[\n]*" + Regex.Escape(label), RegexOptions.RightToLeft);
        await Until(() => pattern.IsMatch(Output), $"a button '{label}'");
        Type(pattern.Match(Output).Groups[1].Value);
    }

    /// <summary>Waits until <paramref name="text"/> has been printed <paramref name="times"/> times.</summary>
    public Task Shows(string text, int times = 1) =>
        Until(() => Regex.Matches(Output, Regex.Escape(text)).Count >= times, $"'{text}' printed {times} time(s)");

    public async Task Until(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            if (Run.IsCompleted) await Run; // an exception in the chat shows here
            if (waited > 30_000) Assert.Fail($"Timed out waiting for {what}. The terminal shows:\n{Output}");
            await Task.Delay(50);
        }
    }

    public async Task<int> Quit()
    {
        _input.Add(null);
        return await Run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        _input.Add(null);
        await _stop.CancelAsync();
        try { await Run.WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (Exception) { } // a failed run has been reported by the test already
        _stop.Dispose();
    }

    /// <summary>Standard input as a keyboard: ReadLine waits until a line is typed; null is Ctrl+D.</summary>
    private sealed class TypedLines : TextReader
    {
        private readonly BlockingCollection<string?> _lines = [];

        public void Add(string? line) => _lines.Add(line);

        public override string? ReadLine() => _lines.Take();
    }
}
