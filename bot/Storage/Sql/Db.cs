using System.Data.Common;

namespace GiBot.Storage.Sql;

/// <summary>Small ADO.NET helpers shared by the stores (plain ADO.NET keeps the bot trimming- and AOT-friendly).</summary>
internal static class Db
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                bool b => b ? 1 : 0,
                DateTimeOffset t => t.ToUnixTimeMilliseconds(),
                _ => value,
            };
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, DbTransaction? transaction, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<T>> QueryAsync<T>(this DbConnection connection, string sql, DbTransaction? transaction, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public static async Task<T?> QuerySingleAsync<T>(this DbConnection connection, string sql, DbTransaction? transaction, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string, object?)[] parameters)
        where T : class =>
        (await connection.QueryAsync(sql, transaction, map, cancellationToken, parameters)).FirstOrDefault();

    public static string? Text(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    public static string RequiredText(this DbDataReader reader, string column) =>
        reader.Text(column) ?? throw new InvalidDataException($"Column {column} is null.");

    public static long? Long(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static int? Int(this DbDataReader reader, string column) => reader.Long(column) is { } v ? checked((int)v) : null;

    public static bool Bool(this DbDataReader reader, string column) => reader.Long(column) is { } v && v != 0;

    public static DateTimeOffset? Time(this DbDataReader reader, string column) =>
        reader.Long(column) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public static DateTimeOffset RequiredTime(this DbDataReader reader, string column) =>
        reader.Time(column) ?? throw new InvalidDataException($"Column {column} is null.");
}
