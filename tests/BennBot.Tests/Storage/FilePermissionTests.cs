using System.Runtime.InteropServices;
using BennBot.Worker.Conversations;
using BennBot.Worker.Hosting;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;

namespace BennBot.Tests.Storage;

/// <summary>Issue 19: under the common umask 022 the database, its folder, the backups and the health file were readable
/// by every user of the machine. Each step below runs under umask 000 (the loosest there is), so only BennBot's own
/// choice of modes can make them owner-only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilePermissionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-modes-").FullName;
    private readonly uint _umask = Umask(0);

    public void Dispose()
    {
        Umask(_umask);
        Directory.Delete(_dir, recursive: true);
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);

    private static UnixFileMode ModeOf(string path) => File.GetUnixFileMode(path);

    [Fact]
    public async Task Database_folder_database_log_backups_health_and_restore_copies_are_for_the_bots_user_only()
    {
        var folder = Path.Combine(_dir, "data", "bennbot");
        var path = Path.Combine(folder, "bennbot.db");
        var backups = Path.Combine(_dir, "backups");
        string backup;

        Umask(0);
        using (var db = new Database(path))
        {
            Umask(0);
            await db.Write(d => ResidentStore.Apply(d, 7, new Outcome([], Save: new Resident { Id = 7, Language = "ar" })));
            Assert.Equal(OwnerOnly.FolderMode, ModeOf(folder));
            Assert.Equal(OwnerOnly.FolderMode, ModeOf(Path.GetDirectoryName(folder)!));
            Assert.Equal(OwnerOnly.FileMode, ModeOf(path));
            var log = Path.Combine(folder, "bennbot-log.db");
            Assert.True(File.Exists(log), "LiteDB wrote no log: nothing was tested");
            Assert.Equal(OwnerOnly.FileMode, ModeOf(log));
            Assert.Equal(OwnerOnly.FileMode, ModeOf(path + ".lock"));

            Umask(0);
            backup = await Backups.Take(db, backups, kept: 7, DateTime.UtcNow);
            Assert.Equal(OwnerOnly.FolderMode, ModeOf(backups));
            Assert.Equal(OwnerOnly.FileMode, ModeOf(backup));

            Umask(0);
            Health.Beat(path, DateTime.UtcNow);
            Assert.Equal(OwnerOnly.FileMode, ModeOf(Health.FileFor(path)));
        }

        Umask(0);
        File.SetUnixFileMode(backup, OwnerOnly.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead); // copied from elsewhere
        var kept = Backups.Restore(backup, path, null, DateTime.UtcNow, kept: 7);
        Assert.Equal(OwnerOnly.FileMode, ModeOf(kept));
        Assert.Equal(OwnerOnly.FileMode, ModeOf(path));
    }

    [Fact]
    public async Task A_database_left_readable_by_others_is_made_owner_only_when_it_opens()
    {
        var path = Path.Combine(_dir, "bennbot.db");
        using (var db = new Database(path)) await db.Write(d => ResidentStore.Apply(d, 7, new Outcome([], Save: new Resident { Id = 7 })));
        File.SetUnixFileMode(path, OwnerOnly.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using (new Database(path)) Assert.Equal(OwnerOnly.FileMode, ModeOf(path));
    }
}
