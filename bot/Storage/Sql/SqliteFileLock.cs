namespace GiBot.Storage.Sql;

/// <summary>
/// One bot process per SQLite file: the bot holds an exclusive lock on <c>&lt;file&gt;.lock</c> while it runs, so a second
/// process on the same file is refused at start (several instances need PostgreSQL, docs/storage.md) instead of
/// quietly sharing it. The operating system drops the lock when the process ends, also on kill -9. Hosts inside one
/// process (tests) share the lock; <see cref="IsHeldAlone"/> is then false for all of them, as it is for PostgreSQL.
/// </summary>
public sealed class SqliteFileLock : IDisposable
{
    private static readonly Lock Registry = new();
    private static readonly Dictionary<string, Holding> Held = new(StringComparer.Ordinal);

    private string? _path;

    private sealed class Holding(FileStream file)
    {
        public FileStream File { get; } = file;

        public int Holders { get; set; } = 1;
    }

    /// <summary>True while this lock is held and no other host in this process holds the same file's.</summary>
    public bool IsHeldAlone
    {
        get
        {
            if (Volatile.Read(ref _path) is not { } path)
            {
                return false;
            }
            lock (Registry)
            {
                return Held.TryGetValue(path, out var holding) && holding.Holders == 1;
            }
        }
    }

    /// <summary>Takes the lock for the SQLite file at <paramref name="databasePath"/>; a second call does nothing.</summary>
    /// <exception cref="StorageUnavailableException">Another process holds it.</exception>
    public void Acquire(string databasePath)
    {
        var path = Path.GetFullPath(databasePath) + ".lock";
        lock (Registry)
        {
            if (_path is not null)
            {
                return;
            }
            if (Held.TryGetValue(path, out var holding))
            {
                holding.Holders++;
            }
            else
            {
                Held[path] = new Holding(Open(path, databasePath));
            }
            Volatile.Write(ref _path, path);
        }
    }

    private static FileStream Open(string lockPath, string databasePath)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            // FileShare.None takes an exclusive advisory lock (flock) on Linux and macOS, a sharing lock on Windows.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            throw new StorageUnavailableException(
                $"another GiBot process is using the SQLite file {databasePath} (it holds {lockPath}). One process per SQLite file; for several instances set ConnectionStrings:Postgres (docs/storage.md)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"cannot create the lock file {lockPath} next to the SQLite file: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        lock (Registry)
        {
            if (_path is not { } path || !Held.TryGetValue(path, out var holding))
            {
                return;
            }
            _path = null;
            if (--holding.Holders == 0)
            {
                Held.Remove(path);
                holding.File.Dispose();
            }
        }
    }
}
