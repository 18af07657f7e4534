using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Terminal;

/// <summary>What arrives in one chat, printed as the Telegram app would show it: texts with their buttons numbered,
/// files (/mydata, an event's .ics, the export, the chart) saved to a folder with their path printed (issue 13: they were
/// described by size only). In the team view every message has a number to reply to, and the buttons of earlier
/// messages stay pressable, as in a group chat; in a resident's chat the numbers belong to the latest buttons.</summary>
public sealed class ChatScreen(TextWriter output, string filesFolder, bool teamView)
{
    private readonly List<Button> _buttons = [];

    public int ButtonCount => _buttons.Count;

    /// <summary>The button with number <paramref name="n"/> (from 1), or null.</summary>
    public Button? ButtonAt(int n) => n >= 1 && n <= _buttons.Count ? _buttons[n - 1] : null;

    /// <summary>Prints messages that arrived together; <paramref name="numbers"/> gives each its message number (team view).</summary>
    public void Show(IReadOnlyList<OutboxMessage> arrived, IReadOnlyList<long> numbers)
    {
        if (!teamView && arrived.Any(m => m.ReadKeyboard() is not null)) _buttons.Clear();
        for (var i = 0; i < arrived.Count; i++)
        {
            var m = arrived[i];
            if (m.Kind == OutboxKind.Answer)
            {
                if (m.Notice is { } notice) output.WriteLine($"({notice})");
                continue;
            }
            output.WriteLine();
            if (teamView) output.WriteLine($"── message {numbers[i]} ──");
            switch (m.Kind)
            {
                case OutboxKind.File:
                case OutboxKind.Photo:
                    var path = Save(m.FileName ?? "file", m.File ?? []);
                    output.WriteLine($"[{(m.Kind == OutboxKind.Photo ? "image" : "file")} saved: {path} ({m.File?.Length ?? 0} bytes)]");
                    if (m.Html is { Length: > 0 } caption) output.WriteLine(Html.ToPlain(caption));
                    break;
                case OutboxKind.Voice:
                    output.WriteLine($"[voice message] {Html.ToPlain(m.Html ?? "")}");
                    break;
                default:
                    output.WriteLine(Html.ToPlain(m.Html ?? ""));
                    break;
            }
            foreach (var row in m.ReadKeyboard()?.Rows ?? [])
                output.WriteLine("  " + string.Join("   ", row.Select(b => { _buttons.Add(b); return $"[{_buttons.Count}] {b.Label}"; })));
        }
    }

    // Owner-only like the database: a /mydata file holds a resident's data, an export the topics' words.
    private string Save(string name, byte[] bytes)
    {
        OwnerOnly.CreateFolder(filesFolder);
        var safe = Path.GetFileName(name) is { Length: > 0 } n ? n : "file";
        for (var i = 1; ; i++)
        {
            var path = Path.Combine(filesFolder, i == 1 ? safe : $"{Path.GetFileNameWithoutExtension(safe)}-{i}{Path.GetExtension(safe)}");
            if (File.Exists(path)) continue;
            try
            {
                OwnerOnly.WriteNewFile(path, bytes);
                return path;
            }
            catch (IOException) when (File.Exists(path)) { } // the other terminal took the name meanwhile
        }
    }
}
