using System.Globalization;

namespace GiBot.Reminders;

/// <summary>
/// The step part of a plan key: a ladder rung by name (<c>T-3</c>), a snooze (<c>snooze@20261120T0600Z#aad</c>,
/// the person in the payload), a manual nudge (<c>manual@20261120T0600Z</c>), or the channel summary
/// (measure 0, unit <see cref="ChannelUnit"/>, the Beijing day as period).
/// </summary>
public static class ReminderSteps
{
    public const string Summary = "summary";
    public const string ChannelUnit = "#channel";
    public const string SnoozePrefix = "snooze@";
    public const string ManualPrefix = "manual@";

    public static string Snooze(DateTimeOffset at, string aadObjectId) => SnoozePrefix + Stamp(at) + "#" + aadObjectId;

    public static string Manual(DateTimeOffset at) => ManualPrefix + Stamp(at);

    public static bool IsSnooze(string step) => step.StartsWith(SnoozePrefix, StringComparison.Ordinal);

    public static bool IsManual(string step) => step.StartsWith(ManualPrefix, StringComparison.Ordinal);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
}
