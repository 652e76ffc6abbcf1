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
    private Holding? _holding;

    private sealed class Holding(FileStream file)
    {
        private int _holders = 1;

        public FileStream File { get; } = file;

        /// <summary>Changed under the registry's lock; read without it (every turn asks).</summary>
        public int Holders
        {
            get => Volatile.Read(ref _holders);
            set => Volatile.Write(ref _holders, value);
        }
    }

    /// <summary>True while this lock is held and no other host in this process holds the same file's.</summary>
    public bool IsHeldAlone => Volatile.Read(ref _holding) is { Holders: 1 };

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
                holding = new Holding(Open(path, databasePath));
                Held[path] = holding;
            }
            _path = path;
            Volatile.Write(ref _holding, holding);
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
            Volatile.Write(ref _holding, null);
            if (--holding.Holders == 0)
            {
                Held.Remove(path);
                holding.File.Dispose();
            }
        }
    }
}
