using BennBot.Content;

namespace BennBot.Worker.Storage;

/// <summary>Keeps the answer model trained from the seeds in <c>answer-model-{key}.bin</c> (see <see cref="ModelKey"/>), so an
/// unchanged start loads it in milliseconds and edited seeds train anew. Written to a temporary file and renamed,
/// owner-only like the database beside it; a file that cannot be read or written is simply not used.</summary>
public static class ModelCache
{
    /// <summary>The cache for <see cref="QuestionIndex"/>, kept in <paramref name="folder"/>.</summary>
    public static Func<string, Func<IntentModel>, IntentModel> In(string folder) => (key, train) => GetOrTrain(folder, key, train);

    public static IntentModel GetOrTrain(string folder, string key, Func<IntentModel> train)
    {
        var path = Path.Combine(folder, $"answer-model-{key}.bin");
        try
        {
            using var stream = File.OpenRead(path);
            if (IntentModel.Load(stream) is { } cached) return cached;
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
        OwnerOnly.CreateFolder(folder);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly.FileMode;
        using (var stream = new FileStream(temp, options)) model.Save(stream);
        File.Move(temp, path, overwrite: true);
        // Models trained from earlier seeds are of no further use.
        foreach (var old in Directory.GetFiles(folder, "answer-model-*.bin").Where(f => f != path))
            try { File.Delete(old); } catch (IOException) { }
    }
}
