using GiBot.Storage;
using GiBot.Storage.Sql;

namespace GiBot.Tests.Storage;

public sealed class SqliteFileLockTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_file_locked_by_another_process_is_refused_with_a_clear_reason()
    {
        var path = _directory.File("gibot.db");
        // Another process's lock: an open file description of its own with the same exclusive lock.
        using var other = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var fileLock = new SqliteFileLock();

        var refused = Assert.Throws<StorageUnavailableException>(() => fileLock.Acquire(path));
        Assert.Contains("another GiBot process", refused.Message);
        Assert.Contains("ConnectionStrings:Postgres", refused.Message);
        Assert.False(fileLock.IsHeldAlone);
    }

    [Fact]
    public void The_lock_is_held_until_disposed_and_creates_its_directory()
    {
        var path = Path.Combine(_directory.File("data"), "gibot.db");
        var fileLock = new SqliteFileLock();
        fileLock.Acquire(path);
        Assert.True(fileLock.IsHeldAlone);
        Assert.Throws<IOException>(() => new FileStream(path + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None));

        fileLock.Dispose();
        Assert.False(fileLock.IsHeldAlone);
        using var free = new FileStream(path + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None);
    }

    [Fact]
    public void Two_hosts_in_one_process_share_the_lock_and_neither_holds_it_alone()
    {
        var path = _directory.File("gibot.db");
        using var first = new SqliteFileLock();
        var second = new SqliteFileLock();
        first.Acquire(path);
        second.Acquire(path);
        Assert.False(first.IsHeldAlone);
        Assert.False(second.IsHeldAlone);

        second.Dispose();
        Assert.True(first.IsHeldAlone);
    }
}
