using System.Globalization;

namespace GiBot.Hosting;

/// <summary>
/// One line at start with the GC settings the runtime actually applied. The runtime ignores a setting whose name
/// or value it cannot read without a word (names are case-sensitive, native values are hex digits without 0x),
/// so this line is how an operator, and a test, sees that an override or an embedded setting took.
/// </summary>
public static partial class GarbageCollectorLog
{
    public static void LogGarbageCollector(this ILogger logger)
    {
        var settings = GC.GetConfigurationVariables();
        LogSettings(logger,
            Flag(settings, "ServerGC") ? "server" : "workstation",
            Flag(settings, "ConcurrentGC") ? "background" : "blocking",
            Kilobytes(settings, "GCGen0MaxBudget"),
            Kilobytes(settings, "GCRegionSize"),
            Number(settings, "GCConserveMem"),
            Kilobytes(settings, "GCHeapHardLimit"));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Garbage collector: {Kind}, {Mode} gen2, gen0 budget ceiling {Gen0MaxBudgetKb} KB, regions {RegionKb} KB, conserve memory {ConserveMemory}, hard limit {HardLimitKb} KB")]
    private static partial void LogSettings(ILogger logger, string kind, string mode, long gen0MaxBudgetKb, long regionKb, long conserveMemory, long hardLimitKb);

    private static bool Flag(IReadOnlyDictionary<string, object> settings, string name) =>
        settings.TryGetValue(name, out var value) && value is true;

    private static long Number(IReadOnlyDictionary<string, object> settings, string name) =>
        settings.TryGetValue(name, out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;

    private static long Kilobytes(IReadOnlyDictionary<string, object> settings, string name) => Number(settings, name) / 1024;
}
