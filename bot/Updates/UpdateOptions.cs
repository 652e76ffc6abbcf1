using System.Globalization;

namespace GiBot.Updates;

/// <summary>How often units report.</summary>
public enum ReportingCycle
{
    Monthly,
    Quarterly,
}

/// <summary>The <c>Updates</c> section of appsettings.json.</summary>
public sealed record UpdateOptions(ReportingCycle Cycle, TimeSpan CorrectionWindow, TimeSpan UtcOffset)
{
    /// <summary>The bound of every free-text field, said in its label before it is hit.</summary>
    public const int MaxTextLength = 2000;

    public static UpdateOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Updates");
        var cycle = Enum.TryParse<ReportingCycle>(section["Cycle"], ignoreCase: true, out var c) ? c : ReportingCycle.Monthly;
        var window = TimeSpan.TryParse(section["CorrectionWindow"], CultureInfo.InvariantCulture, out var w) && w >= TimeSpan.Zero ? w : TimeSpan.FromHours(24);
        // China Standard Time has no daylight saving, so a fixed offset decides the period's boundaries.
        var offset = TimeSpan.TryParse(section["UtcOffset"], CultureInfo.InvariantCulture, out var o) ? o : TimeSpan.FromHours(8);
        return new UpdateOptions(cycle, window, offset);
    }
}
