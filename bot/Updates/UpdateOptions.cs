using System.Globalization;

namespace GiBot.Updates;

/// <summary>The <c>Updates</c> section of appsettings.json.</summary>
public sealed record UpdateOptions(TimeSpan CorrectionWindow, TimeSpan UtcOffset)
{
    /// <summary>The bound of every free-text field, said in its label before it is hit.</summary>
    public const int MaxTextLength = 2000;

    public static UpdateOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Updates");
        var window = TimeSpan.TryParse(section["CorrectionWindow"], CultureInfo.InvariantCulture, out var w) && w >= TimeSpan.Zero ? w : TimeSpan.FromHours(24);
        // China Standard Time has no daylight saving, so a fixed offset decides the period's boundaries.
        var offset = TimeSpan.TryParse(section["UtcOffset"], CultureInfo.InvariantCulture, out var o) ? o : TimeSpan.FromHours(8);
        return new UpdateOptions(window, offset);
    }
}
