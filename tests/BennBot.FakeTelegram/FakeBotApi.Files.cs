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

    /// <summary>Makes <paramref name="fileId"/> known to getFile and its content downloadable, as if a user had sent it.</summary>
    public void AddFile(string fileId, byte[] content, string fileName)
    {
        var path = $"documents/file_{Interlocked.Increment(ref _nextFilePath)}{Path.GetExtension(fileName)}";
        var file = new StoredFile(fileId, path, content);
        if (_filesById.TryGetValue(fileId, out var replaced)) _filesByPath.TryRemove(replaced.Path, out _);
        _filesByPath[path] = file;
        _filesById[fileId] = file;
    }

    private IResult GetFile(ApiCall call)
    {
        if (call.Body["file_id"]?.ToString() is not { } fileId || !_filesById.TryGetValue(fileId, out var file))
            return Error(400, "Bad Request: invalid file_id");
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
