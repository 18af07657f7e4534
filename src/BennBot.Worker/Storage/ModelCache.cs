using BennBot.Content;

namespace BennBot.Worker.Storage;

/// <summary>Keeps what answering builds from the seeds (the model and the similarity tables, <see cref="TrainedIndex"/>)
/// in <c>answer-model-{key}.bin</c> (see <see cref="ModelKey"/>), so an unchanged start reads it back and edited seeds
/// build anew. Written to a temporary file and renamed, owner-only like the database beside it; a file that cannot be
/// read or written is simply not used.</summary>
public static class ModelCache
{
    /// <summary>The cache for <see cref="QuestionIndex"/>, kept in <paramref name="folder"/>.</summary>
    public static Func<string, Func<TrainedIndex>, TrainedIndex> In(string folder) =>
        (key, build) => GetOrBuild(folder, key, build, TrainedIndex.Load, (index, stream) => index.Save(stream));

    public static T GetOrBuild<T>(string folder, string key, Func<T> build, Func<Stream, T?> load, Action<T, Stream> save) where T : class
    {
        var path = Path.Combine(folder, $"answer-model-{key}.bin");
        try
        {
            // Read in large blocks: the tables are a million small numbers.
            using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
            if (load(stream) is { } cached) return cached;
        }
        catch (FileNotFoundException) { }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or OverflowException) { } // unreadable or damaged: build anew
        var built = build();
        try { Write(folder, path, stream => save(built, stream)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return built;
    }

    private static void Write(string folder, string path, Action<Stream> save)
    {
        OwnerOnly.CreateFolder(folder);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly.FileMode;
        using (var stream = new FileStream(temp, options)) save(stream);
        File.Move(temp, path, overwrite: true);
        // Models trained from earlier seeds are of no further use.
        foreach (var old in Directory.GetFiles(folder, "answer-model-*.bin").Where(f => f != path))
            try { File.Delete(old); } catch (IOException) { }
    }
}
