using System.Text;
using GiBot.Measures.Registry;
using GiBot.Overview.Export;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using GiBot.Updates;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiBot.Storage.Export;

/// <summary>
/// Command-line operations that run instead of the web host:
/// <c>export --format csv|json [--output FILE]</c> writes every update version to stdout or FILE;
/// <c>export --format xlsx --output FILE</c> writes the 督办台账 (latest version per measure, unit and period);
/// <c>copy-to-postgres</c> copies the SQLite file (<c>Storage:SqlitePath</c>) into the empty
/// database at <c>ConnectionStrings:Postgres</c>.
/// </summary>
public static class StorageCommands
{
    public const string Usage = "Usage: GiBot export --format csv|json [--output FILE]   or   GiBot export --format xlsx --output FILE";

    public const string CopyUsage = "Usage: GiBot copy-to-postgres   (reads Storage:SqlitePath, writes to ConnectionStrings:Postgres)";

    /// <summary>False when <paramref name="args"/> name no storage command (the bot then starts as usual).</summary>
    public static async Task<bool> TryRunAsync(string[] args, IConfiguration configuration, string contentRoot)
    {
        if (args.Length == 0)
        {
            return false;
        }
        if (string.Equals(args[0], "export", StringComparison.OrdinalIgnoreCase))
        {
            Environment.ExitCode = await ExportAsync(args[1..], configuration, contentRoot, Console.Out, Console.Error);
            return true;
        }
        if (string.Equals(args[0], "copy-to-postgres", StringComparison.OrdinalIgnoreCase))
        {
            Environment.ExitCode = await CopyToPostgresAsync(configuration, contentRoot, Console.Error);
            return true;
        }
        return false;
    }

    public static async Task<int> CopyToPostgresAsync(IConfiguration configuration, string contentRoot, TextWriter stderr)
    {
        var options = StorageOptions.From(configuration, contentRoot);
        if (!options.UsesPostgres)
        {
            await stderr.WriteLineAsync($"Set ConnectionStrings:Postgres to the target database first. {CopyUsage}");
            return 2;
        }
        if (!File.Exists(options.SqlitePath))
        {
            await stderr.WriteLineAsync($"No SQLite file at {options.SqlitePath}: set Storage:SqlitePath to the file to copy. {CopyUsage}");
            return 2;
        }
        var source = new SqliteDatabase(options.SqlitePath);
        await using var target = new PostgresDatabase(options.PostgresConnectionString!);
        try
        {
            var copied = await PostgresCopy.CopyAsync(source, target, CancellationToken.None);
            await stderr.WriteLineAsync($"Copied {source.Description} to {target.Description}: " + string.Join(", ", copied.Select(c => $"{c.Table} {c.Rows}")));
            return 0;
        }
        catch (Exception e) when (e is StorageUnavailableException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"Copy failed, nothing was written: {e.Message}");
            return 3;
        }
    }

    public static async Task<int> ExportAsync(string[] args, IConfiguration configuration, string contentRoot, TextWriter stdout, TextWriter stderr)
    {
        string? format = null;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format" when i + 1 < args.Length:
                    format = args[++i].ToLowerInvariant();
                    break;
                case "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                default:
                    await stderr.WriteLineAsync($"Unknown or incomplete option '{args[i]}'. {Usage}");
                    return 2;
            }
        }
        format ??= "csv";
        if (format is not ("csv" or "json" or "xlsx"))
        {
            await stderr.WriteLineAsync($"Unknown format '{format}'. {Usage}");
            return 2;
        }
        if (format == "xlsx" && output is null)
        {
            await stderr.WriteLineAsync($"An XLSX workbook is binary: name the file with --output. {Usage}");
            return 2;
        }

        var database = StorageSetup.CreateDatabase(StorageOptions.From(configuration, contentRoot));
        try
        {
            await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
            var updates = await new SqlProgressUpdateStore(database, TimeProvider.System).ListAllVersionsAsync(CancellationToken.None);
            if (output is null)
            {
                await WriteAsync(updates, format, stdout);
            }
            else
            {
                var path = Path.GetFullPath(output, Environment.CurrentDirectory);
                await using (var file = File.Create(path))
                {
                    if (format == "xlsx")
                    {
                        var registry = MeasureRegistry.Load(CountyBureausConfiguration.Read(configuration));
                        var rows = LedgerBuilder.Build(registry, updates, null, UpdateOptions.From(configuration).UtcOffset);
                        await file.WriteAsync(await LedgerXlsx.WriteAsync(rows, CancellationToken.None));
                    }
                    else if (format == "json")
                    {
                        await UpdateExporter.WriteJsonAsync(updates, file);
                    }
                    else
                    {
                        // A BOM lets spreadsheet programs read the Chinese text of a CSV file as UTF-8.
                        await using var writer = new StreamWriter(file, UpdateExporter.Utf8WithBom);
                        await UpdateExporter.WriteCsvAsync(updates, writer);
                    }
                }
                await stderr.WriteLineAsync($"Exported {updates.Count} update versions to {path}.");
            }
            return 0;
        }
        catch (StorageUnavailableException e)
        {
            await stderr.WriteLineAsync($"Export failed: {e.Message}");
            return 3;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"Export failed: could not write {output}: {e.Message}");
            return 1;
        }
        finally
        {
            if (database is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static async Task WriteAsync(IReadOnlyList<ProgressUpdate> updates, string format, TextWriter writer)
    {
        if (format == "csv")
        {
            await UpdateExporter.WriteCsvAsync(updates, writer);
            return;
        }
        using var buffer = new MemoryStream();
        await UpdateExporter.WriteJsonAsync(updates, buffer);
        await writer.WriteAsync(Encoding.UTF8.GetString(buffer.ToArray()));
        await writer.FlushAsync();
    }
}
