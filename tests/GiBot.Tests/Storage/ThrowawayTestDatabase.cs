using System.Runtime.CompilerServices;

namespace GiBot.Tests.Storage;

/// <summary>
/// The bot stores to <c>data/gibot.db</c> under its content root by default. Tests that start the
/// bot without choosing a database must not share state with earlier runs (a remembered activity id
/// would swallow the next run's message), so this run gets a fresh file unless one is configured.
/// Tests that care about their data set <c>Storage:SqlitePath</c> themselves.
/// </summary>
internal static class ThrowawayTestDatabase
{
    public const string Variable = "Storage__SqlitePath";

#pragma warning disable CA2255 // the test assembly is the only consumer; the setting must precede every host
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UseFreshDatabaseForThisRun()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            var path = Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db");
            Environment.SetEnvironmentVariable(Variable, path);
        }
    }
}
