using System.Text;

namespace BennBot.Content;

/// <summary>What answering builds from the seeds and keeps between starts: the classifier and the similarity tables.
/// Training the one takes seconds and building the other about a second; reading both back takes a fraction of that, so an
/// unchanged start answers sooner (issue 11: cold start).</summary>
public sealed record TrainedIndex(IntentModel Model, SimilarityTables Tables)
{
    public void Save(Stream stream)
    {
        Model.Save(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        Tables.Save(w);
    }

    /// <summary>An index written by <see cref="Save"/>, or null when either part is of another format or implausible.</summary>
    public static TrainedIndex? Load(Stream stream)
    {
        if (IntentModel.Load(stream) is not { } model) return null;
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        return SimilarityTables.Load(r) is { } tables ? new(model, tables) : null;
    }
}
