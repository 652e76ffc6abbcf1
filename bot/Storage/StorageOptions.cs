namespace GiBot.Storage;

/// <summary>
/// <c>ConnectionStrings:Postgres</c> selects PostgreSQL; otherwise SQLite at <c>Storage:SqlitePath</c>.
/// A relative SQLite path is resolved against the content root: the process's working directory
/// unless <c>--contentRoot</c> is given (<c>dotnet run --project bot</c> runs in <c>bot/</c>, so it
/// uses <c>bot/data/gibot.db</c>). See docs/storage.md.
/// </summary>
public sealed record StorageOptions(string? PostgresConnectionString, string SqlitePath)
{
    public const string DefaultSqlitePath = "data/gibot.db";

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public static StorageOptions From(IConfiguration configuration, string contentRoot)
    {
        var path = configuration["Storage:SqlitePath"];
        path = string.IsNullOrWhiteSpace(path) ? DefaultSqlitePath : path;
        return new StorageOptions(configuration.GetConnectionString("Postgres"), Path.GetFullPath(path, contentRoot));
    }
}
