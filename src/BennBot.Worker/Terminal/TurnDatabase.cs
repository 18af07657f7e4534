using System.Diagnostics;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Terminal;

/// <summary>How two terminals (a resident and the team) share one database file. LiteDB must never be open in two
/// processes at once (shared/notes/litedb-delivery-security.md §1.2), and <see cref="InstanceLock"/> enforces that. So a
/// terminal holds the file only for one turn — open, take the lock, handle a line or look for new messages, close
/// (which checkpoints) — and never while it waits for typing. A terminal that finds the lock taken waits a little: the
/// other terminal's turn takes milliseconds. The running bot holds the lock all the time, so beside it `chat` still
/// stops with "Another BennBot is already using the database" once <see cref="Patience"/> has passed.</summary>
public sealed class TurnDatabase(string path, string? password)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    // Opening costs tens of milliseconds of CPU; a waiting terminal looks only when the files changed, and now and then anyway.
    private static readonly TimeSpan LookAnyway = TimeSpan.FromSeconds(15);

    private readonly string _data = Path.GetFullPath(path);
    private (DateTime, long, DateTime, long) _stamp;
    private readonly Stopwatch _sinceLastTurn = Stopwatch.StartNew();

    /// <summary>True when another process may have written since this terminal's last turn.</summary>
    public bool MayHaveChanged => Stamp() != _stamp || _sinceLastTurn.Elapsed > LookAnyway;

    public async Task<T> Use<T>(Func<Database, Task<T>> turn)
    {
        try
        {
            using var db = await Open();
            return await turn(db);
        }
        finally
        {
            _stamp = Stamp(); // after the close, which checkpoints
            _sinceLastTurn.Restart();
        }
    }

    private async Task<Database> Open()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try { return new Database(path, password); }
            catch (StartupException e) when (e.ExitCode == ExitCodes.AlreadyRunning && waited.Elapsed < Patience)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 + Random.Shared.Next(30)));
            }
        }
    }

    // LiteDB writes only the data file and its "-log" file: unchanged times and lengths mean nothing new.
    private (DateTime, long, DateTime, long) Stamp()
    {
        var log = new FileInfo(Path.Combine(Path.GetDirectoryName(_data)!, Path.GetFileNameWithoutExtension(_data) + "-log" + Path.GetExtension(_data)));
        var data = new FileInfo(_data);
        return (data.Exists ? data.LastWriteTimeUtc : default, data.Exists ? data.Length : -1, log.Exists ? log.LastWriteTimeUtc : default, log.Exists ? log.Length : -1);
    }
}
