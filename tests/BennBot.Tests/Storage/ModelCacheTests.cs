using BennBot.Content;
using BennBot.Worker.Storage;

namespace BennBot.Tests.Storage;

/// <summary>The answer model is trained once per content: an unchanged start loads it, edited seeds (another key)
/// train anew, and a damaged file is trained over instead of stopping the bot.</summary>
public sealed class ModelCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bennbot-model-cache-").FullName;
    private int _trained;

    private IntentModel Train()
    {
        _trained++;
        return new IntentModel(2, [(["w:petition", "pet"], 0, 1f), (["w:verein", "ver"], 1, 1f)]);
    }

    private IntentModel Get(string key, Func<IntentModel> train) => ModelCache.GetOrBuild(_folder, key, train, IntentModel.Load, (m, s) => m.Save(s));

    [Fact]
    public void An_unchanged_start_loads_the_model_and_edited_seeds_train_a_new_one()
    {
        var first = Get("aaaa", Train);
        var again = Get("aaaa", Train);
        Assert.Equal(1, _trained);
        Assert.Equal(first.Predict(["w:verein"]), again.Predict(["w:verein"]));
        Assert.True(again.Predict(["w:verein"])[1] > 0.5);

        Get("bbbb", Train);
        Assert.Equal(2, _trained);
        Assert.Equal(["answer-model-bbbb.bin"], Directory.GetFiles(_folder).Select(Path.GetFileName)); // the old one is gone
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "answer-model-bbbb.bin")));
    }

    [Fact]
    public void A_damaged_model_file_is_trained_over()
    {
        File.WriteAllBytes(Path.Combine(_folder, "answer-model-cccc.bin"), [1, 0, 0, 0, 2, 0, 0, 0, 255, 255, 255, 127]);
        var model = Get("cccc", Train);
        Assert.Equal(1, _trained);
        Assert.True(model.Predict(["w:petition"])[0] > 0.5);
        Get("cccc", Train);
        Assert.Equal(1, _trained); // the file written after training is read next time
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
