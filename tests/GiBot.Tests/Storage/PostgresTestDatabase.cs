using GiBot.Storage.Sql;
using Npgsql;

namespace GiBot.Tests.Storage;

/// <summary>
/// A fresh schema on the server named by <c>GIBOT_TEST_POSTGRES</c> (see .ci/postgres.sh), dropped
/// afterwards, so tests running in parallel never see each other's rows.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "GIBOT_TEST_POSTGRES";

    private readonly string _baseConnectionString;
    private readonly List<PostgresDatabase> _opened = [];

    private PostgresTestDatabase(string baseConnectionString, string schema)
    {
        _baseConnectionString = baseConnectionString;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { SearchPath = schema }.ToString();
    }

    public string Schema { get; }

    /// <summary>Points at the schema; give it to the bot as <c>ConnectionStrings:Postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>Skips the calling test with a clear message when no server is configured.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Skip($"PostgreSQL tests need a server: set {Variable} (eval \"$(bash .ci/postgres.sh)\" starts one on loopback).");
        }
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(connectionString, schema);
    }

    /// <summary>A new connection pool, as a separate bot instance would have.</summary>
    public PostgresDatabase Open()
    {
        var database = new PostgresDatabase(ConnectionString);
        _opened.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
        await using var connection = new NpgsqlConnection(_baseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
