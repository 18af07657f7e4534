using System.Text.Json;
using System.Text.Json.Nodes;

namespace BennBot.FakeTelegram;

/// <summary>One request the fake received: the method, its parameters as JSON and when it arrived. A multipart upload's
/// form fields arrive as strings (JSON-valued ones such as reply_markup are parsed); its uploaded file is in
/// <see cref="Document"/>.</summary>
public sealed record ApiCall(string Method, JsonObject Body, DateTimeOffset At)
{
    /// <summary>The file name of the uploaded file (the document of sendDocument, or the file part of any other
    /// multipart call); null when nothing was uploaded.</summary>
    public string? DocumentName { get; init; }

    /// <summary>The bytes of the uploaded file; null when nothing was uploaded.</summary>
    public byte[]? Document { get; init; }

    private int _messageId;

    /// <summary>The message_id the fake answered a successful send with (null before the answer, and for every other call):
    /// what a user's reply to that message carries as reply_to_message.message_id.</summary>
    public int? MessageId
    {
        get => Volatile.Read(ref _messageId) is var id and > 0 ? id : null;
        internal set => Volatile.Write(ref _messageId, value ?? 0);
    }

    /// <summary>chat_id as a number, whether it came as JSON number or as a form field; null for none or an @username.</summary>
    public long? ChatId => Body["chat_id"] is { } c && long.TryParse(c.ToString(), out var id) ? id : null;

    /// <summary>The message text, or for calls without one (sendDocument, sendPhoto, ...) the caption.</summary>
    public string? Text => (Body["text"] ?? Body["caption"])?.GetValue<string>();

    public string? ParseMode => Body["parse_mode"]?.GetValue<string>();

    /// <summary>The callback_data of every inline button, row by row.</summary>
    public IReadOnlyList<string> ButtonData => Buttons.Select(b => b.Data).ToList();

    /// <summary>Every inline button (label and callback_data), row by row; works for JSON and for multipart calls.</summary>
    public IReadOnlyList<(string Label, string Data)> Buttons =>
        (Markup(Body["reply_markup"])?["inline_keyboard"]?.AsArray() ?? [])
        .SelectMany(row => row!.AsArray()).Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>())).ToList();

    /// <summary>reply_markup is an object in a JSON call and may still be a JSON string in a hand-built multipart body.</summary>
    private static JsonNode? Markup(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonNode.Parse(v.GetValue<string>()) : node;
}
