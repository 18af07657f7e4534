using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BennBot.FakeTelegram;

/// <summary>Files the bot can fetch: getFile gives a file_path, GET /file/bot{token}/{file_path} gives the bytes.</summary>
public sealed partial class FakeBotApi
{
    private readonly ConcurrentDictionary<string, StoredFile> _filesById = new();
    private readonly ConcurrentDictionary<string, StoredFile> _filesByPath = new();
    private int _nextFilePath;
    // Every file id Telegram would know: sent by a user (a pushed update), added with AddFile, or given back for a sent file;
    // with its size and (a voice message's) length as the sender's app reported them.
    private readonly ConcurrentDictionary<string, (long Size, int Duration)> _knownFileIds = new();

    /// <summary>Telegram refuses getFile for larger files: "Bots can download files of up to 20MB".</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    public bool KnowsFile(string fileId) => _knownFileIds.ContainsKey(fileId) || _filesById.ContainsKey(fileId);

    // The files a pushed message carries (a voice message, a document) become known, as they are to Telegram.
    private void LearnFiles(JsonObject payload)
    {
        foreach (var field in new[] { "voice", "document" })
            if (payload[field]?["file_id"]?.ToString() is { } id)
                _knownFileIds.TryAdd(id, (long.TryParse(payload[field]!["file_size"]?.ToString(), out var size) ? size : 0,
                    int.TryParse(payload[field]!["duration"]?.ToString(), out var duration) ? duration : 0));
    }

    /// <summary>Makes <paramref name="fileId"/> known to getFile and its content downloadable, as if a user had sent it.</summary>
    public void AddFile(string fileId, byte[] content, string fileName)
    {
        var path = $"{(fileName.EndsWith(".oga", StringComparison.Ordinal) ? "voice" : "documents")}/file_{Interlocked.Increment(ref _nextFilePath)}{Path.GetExtension(fileName)}";
        var file = new StoredFile(fileId, path, content);
        if (_filesById.TryGetValue(fileId, out var replaced)) _filesByPath.TryRemove(replaced.Path, out _);
        _filesByPath[path] = file;
        _filesById[fileId] = file;
    }

    private IResult GetFile(ApiCall call)
    {
        if (call.Body["file_id"]?.ToString() is not { } fileId) return Error(400, "Bad Request: invalid file_id");
        if (!_filesById.TryGetValue(fileId, out var file))
        {
            // A voice message a user sent: Telegram serves it as voice/file_N.oga, unless it is too big for bots.
            if (!_knownFileIds.TryGetValue(fileId, out var known)) return Error(400, "Bad Request: invalid file_id");
            var size = known.Size;
            if (size > MaxDownloadBytes) return Error(400, "Bad Request: file is too big");
            AddFile(fileId, new byte[size > 0 ? size : 1024], "voice.oga");
            file = _filesById[fileId];
        }
        return Ok(new JsonObject
        {
            ["file_id"] = file.Id, ["file_unique_id"] = FakeUpdates.UniqueId(file.Id), ["file_size"] = file.Content.Length,
            ["file_path"] = file.Path,
        });
    }

    private async Task<IResult> Download(string token, string path, HttpContext context)
    {
        if (token != Token) return Error(401, "Unauthorized");
        if (SendLatency > TimeSpan.Zero) await Task.Delay(SendLatency, context.RequestAborted);
        return _filesByPath.TryGetValue(path, out var file)
            ? Results.Bytes(file.Content, "application/octet-stream")
            : Error(404, "Not Found");
    }

    private sealed record StoredFile(string Id, string Path, byte[] Content);
}
