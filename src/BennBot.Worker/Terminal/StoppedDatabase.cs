using BennBot.Worker.Hosting;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Terminal;

/// <summary>The database for a command that needs the bot stopped; if the bot runs, one sentence says what to do instead.</summary>
public static class StoppedDatabase
{
    public static Database Open(BennBotOptions options, string whileRunning)
    {
        try { return new Database(options.DatabasePath, options.DatabasePassword); }
        catch (StartupException e) when (e.ExitCode == ExitCodes.AlreadyRunning)
        {
            throw new StartupException($"{e.Message} {whileRunning}", e.ExitCode);
        }
    }
}
