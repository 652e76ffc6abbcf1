using System.Data.Common;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiBot.Storage.Export;

/// <summary>
/// Copies every GiBot table from a SQLite file into an empty PostgreSQL database in one
/// transaction, for the move from one instance to several. Both schemas are migrated first,
/// so their columns match; processed activity ids are not copied (they only matter for minutes).
/// </summary>
public static class PostgresCopy
{
    /// <summary>In an order that never needs a row before it exists (there are no foreign keys today, but keep it so).</summary>
    public static readonly string[] Tables =
    [
        "conversation_references", "roster_entries", "progress_updates", "dialog_drafts", "relay_outbox",
        "reminder_plans", "reminder_sends", "bot_settings",
    ];

    /// <summary>Returns rows copied per table. Throws <see cref="InvalidOperationException"/> when the target already holds data.</summary>
    public static async Task<IReadOnlyList<(string Table, int Rows)>> CopyAsync(SqliteDatabase source, PostgresDatabase target, CancellationToken cancellationToken)
    {
        await new MigrationRunner(source, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
        await new MigrationRunner(target, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
        return await source.RunAsync(sourceConnection => target.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var table in Tables)
            {
                await using var count = connection.Command($"SELECT COUNT(*) FROM {table}", transaction);
                if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    throw new InvalidOperationException($"The PostgreSQL table {table} already holds data; copy only into an empty database.");
                }
            }
            var copied = new List<(string, int)>();
            foreach (var table in Tables)
            {
                copied.Add((table, await CopyTableAsync(sourceConnection, connection, transaction, table, cancellationToken)));
            }
            await connection.ExecuteAsync(
                "SELECT setval(pg_get_serial_sequence('relay_outbox', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM relay_outbox), 1), (SELECT COUNT(*) > 0 FROM relay_outbox))",
                transaction, cancellationToken);
            return (IReadOnlyList<(string, int)>)copied;
        }, cancellationToken), cancellationToken);
    }

    private static async Task<int> CopyTableAsync(DbConnection source, DbConnection target, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var select = source.Command($"SELECT * FROM {table}");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var overriding = table == "relay_outbox" ? " OVERRIDING SYSTEM VALUE" : "";
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}){overriding} VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = columns.Select((_, i) => ("p" + i, reader.IsDBNull(i) ? null : reader.GetValue(i))).ToArray();
            await target.ExecuteAsync(sql, transaction, cancellationToken, values);
            rows++;
        }
        return rows;
    }
}
