using BennBot.Worker.Storage;

namespace BennBot.Tests;

/// <summary>An empty database in a folder of its own, removed with it (issue 14: the conversation and its handlers always
/// have a database, as in the bot).</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-temp-").FullName;

    public TempDatabase() => Db = new Database(Path.Combine(_dir, "bennbot.db"));

    public Database Db { get; }

    public void Dispose()
    {
        Db.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
