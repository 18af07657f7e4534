using System.Security.Cryptography;
using System.Text;

namespace BennBot.Content;

/// <summary>Keeps the trained <see cref="IntentModel"/> in a file named by the hash of everything it was trained from
/// (the seeds' texts, their labels and the training settings), so an unchanged start loads it in milliseconds and an
/// edited seed file trains anew. Written to a temporary file and renamed, readable by the bot's user only; a file
/// that cannot be read or written is simply not used.</summary>
public static class ModelCache
{
    public static string Key(IEnumerable<string> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts) { sha.AppendData(Encoding.UTF8.GetBytes(part)); sha.AppendData([0]); }
        return Convert.ToHexString(sha.GetHashAndReset())[..20].ToLowerInvariant();
    }

    public static IntentModel GetOrTrain(string? folder, string key, int classes, Func<IntentModel> train)
    {
        if (folder is null) return train();
        var path = Path.Combine(folder, $"answer-model-{key}.bin");
        try
        {
            using var stream = File.OpenRead(path);
            if (IntentModel.Load(stream, classes) is { } cached) return cached;
        }
        catch (FileNotFoundException) { }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or OverflowException) { } // unreadable or damaged: train anew
        var model = train();
        try { Write(folder, path, model); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return model;
    }

    private static void Write(string folder, string path, IntentModel model)
    {
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, owner | UnixFileMode.UserExecute);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = owner;
        using (var stream = new FileStream(temp, options)) model.Save(stream);
        File.Move(temp, path, overwrite: true);
        // Models trained from earlier seeds are of no further use.
        foreach (var old in Directory.GetFiles(folder, "answer-model-*.bin").Where(f => f != path))
            try { File.Delete(old); } catch (IOException) { }
    }
}
