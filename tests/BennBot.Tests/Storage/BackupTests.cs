using BennBot.Worker;
using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;

namespace BennBot.Tests.Storage;

public sealed class BackupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-backup-").FullName;
    private string DbPath => Path.Combine(_dir, "bennbot.db");
    private string BackupDir => Path.Combine(_dir, "backups");
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task Save(Database db, long id, string language) =>
        db.Write(d => ResidentStore.Apply(d, id, new Outcome([], Save: new Resident { Id = id, Language = language, LanguageChosen = true })));

    [Fact]
    public async Task A_backup_restores_the_data_as_it_was_and_keeps_the_replaced_file()
    {
        string backup;
        using (var db = new Database(DbPath))
        {
            await Save(db, 1, "ar");
            backup = await Backups.Take(db, BackupDir, kept: 7, Now);
            await Save(db, 1, "uk");  // changed after the backup
            await Save(db, 2, "ru");  // added after the backup
        }

        var kept = Backups.Restore(backup, DbPath, password: null, Now.AddHours(1), kept: 7);

        using (var db = new Database(DbPath))
        {
            Assert.Equal("ar", db.Read(d => ResidentStore.Find(d, 1))!.Language);
            Assert.Null(db.Read(d => ResidentStore.Find(d, 2)));
        }
        Assert.True(File.Exists(kept));
    }

    [Fact]
    public async Task Only_the_newest_backups_are_kept()
    {
        using var db = new Database(DbPath);
        for (var i = 0; i < 4; i++) await Backups.Take(db, BackupDir, kept: 2, Now.AddDays(i));
        Assert.Equal(["bennbot-20261128-120000.db", "bennbot-20261127-120000.db"], Backups.List(BackupDir).Select(Path.GetFileName));
        Assert.Equal(Now.AddDays(3), Backups.NewestTime(BackupDir));
    }

    [Fact]
    public async Task Restoring_is_refused_while_the_bot_runs_and_a_broken_backup_changes_nothing()
    {
        string backup;
        using (var db = new Database(DbPath))
        {
            await Save(db, 1, "fa");
            backup = await Backups.Take(db, BackupDir, kept: 7, Now);
            var running = Assert.Throws<StartupException>(() => Backups.Restore(backup, DbPath, null, Now, kept: 7));
            Assert.Equal(ExitCodes.AlreadyRunning, running.ExitCode);
        }

        var broken = Path.Combine(_dir, "broken.db");
        await File.WriteAllTextAsync(broken, "this is not a database");
        var e = Assert.Throws<StartupException>(() => Backups.Restore(broken, DbPath, null, Now, kept: 7));
        Assert.Contains("nothing was changed", e.Message);
        using (var db = new Database(DbPath))
            Assert.Equal("fa", db.Read(d => ResidentStore.Find(d, 1))!.Language);
    }

    // Issue 19: every restore left a full copy of the database (personal data) beside it, for ever.
    [Fact]
    public async Task The_copies_kept_by_restores_rotate_like_backups()
    {
        string backup;
        using (var db = new Database(DbPath))
        {
            await Save(db, 1, "ar");
            backup = await Backups.Take(db, BackupDir, kept: 7, Now);
        }
        for (var i = 1; i <= 4; i++) Backups.Restore(backup, DbPath, null, Now.AddHours(i), kept: 2);

        Assert.Equal(["bennbot.db.before-restore-20261125-160000", "bennbot.db.before-restore-20261125-150000"],
            Backups.KeptBeforeRestore(DbPath).Select(Path.GetFileName));
        Assert.Equal(2, Directory.GetFiles(_dir, "*before-restore*").Length);
    }
}
