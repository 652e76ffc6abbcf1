using System.Globalization;
using GiBot.Reminders.Schedule;
using GiBot.Roster;

namespace GiBot.Reminders;

/// <summary>One rung of the ladder: <see cref="WorkingDays"/> from the deadline (-3 is T-3), at <see cref="At"/> Beijing time.</summary>
public sealed record LadderStep(string Name, int WorkingDays, TimeOnly At, IReadOnlyList<RosterRole> Roles, bool ChannelSummary);

/// <summary>The <c>Reminders</c> section of appsettings.json; every value has a default, so the section may be left out.</summary>
public sealed record ReminderOptions
{
    public const string SectionName = "Reminders";

    public bool Enabled { get; init; } = true;

    /// <summary>China Standard Time has no daylight saving: a fixed offset is Asia/Shanghai.</summary>
    public TimeSpan UtcOffset { get; init; } = TimeSpan.FromHours(8);

    public CycleRule Default { get; init; } = CycleRule.Monthly();

    public IReadOnlyDictionary<int, CycleRule> Measures { get; init; } = new Dictionary<int, CycleRule>();

    public TimeOnly WorkStart { get; init; } = new(9, 0);

    /// <summary>Exclusive; <c>24:00</c> means the end of the day.</summary>
    public TimeSpan WorkEnd { get; init; } = new(17, 30, 0);

    /// <summary>False lets reminders go out on any day (tests, demos); the hours still apply.</summary>
    public bool WorkingDaysOnly { get; init; } = true;

    public IReadOnlyList<LadderStep> Ladder { get; init; } = DefaultLadder;

    public TimeSpan Snooze { get; init; } = TimeSpan.FromHours(2);

    public TimeOnly SnoozeTomorrowAt { get; init; } = new(9, 0);

    /// <summary>How long before the reporting deadline a snooze reminds at the latest, leaving time to fill the card in.</summary>
    public TimeSpan SnoozeBeforeDeadline { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan ManualNudgeInterval { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A reminder sent more than this after its time says it is late and why.</summary>
    public TimeSpan LateAfter { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<LadderStep> DefaultLadder { get; } =
    [
        new("T-3", -3, new TimeOnly(9, 30), [RosterRole.Liaison], false),
        new("T-1", -1, new TimeOnly(9, 30), [RosterRole.Liaison, RosterRole.Head], false),
        new("T+1", 1, new TimeOnly(9, 30), [RosterRole.Head], true),
    ];

    public static ReminderOptions From(IConfiguration configuration, IConfiguration? updates = null)
    {
        var section = configuration.GetSection(SectionName);
        var defaults = new ReminderOptions();
        // Before this section existed the cycle was Updates:Cycle; it still applies when Reminders:Default:Cycle is absent.
        var fallbackKind = Enum.TryParse<CycleKind>((updates ?? configuration)["Updates:Cycle"], true, out var k) ? k : CycleKind.Monthly;
        var defaultRule = Rule(section.GetSection("Default"), defaults.Default with { Kind = fallbackKind }, "Default");
        var measures = new Dictionary<int, CycleRule>();
        foreach (var child in section.GetSection("Measures").GetChildren())
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var measure) || measure is < 1 or > 20)
            {
                throw new InvalidOperationException($"Reminders:Measures:{child.Key}: the key must be a measure number from 1 to 20.");
            }
            measures[measure] = Rule(child, defaultRule, "Measures:" + child.Key);
        }
        var ladder = section.GetSection("Ladder").GetChildren().ToList() is { Count: > 0 } steps
            ? steps.Where(s => !string.Equals(s["Enabled"], "false", StringComparison.OrdinalIgnoreCase)).Select(Step).OrderBy(s => s.WorkingDays).ToArray()
            : DefaultLadder;
        return defaults with
        {
            Enabled = !string.Equals(section["Enabled"], "false", StringComparison.OrdinalIgnoreCase),
            // One time zone for the whole bot: the overview and the update dialog read the same Updates:UtcOffset.
            UtcOffset = Span((updates ?? configuration)["Updates:UtcOffset"], defaults.UtcOffset),
            Default = defaultRule,
            Measures = measures,
            WorkStart = Time(section["WorkingHours:Start"], defaults.WorkStart),
            WorkEnd = section["WorkingHours:End"] == "24:00" ? TimeSpan.FromDays(1) : Time(section["WorkingHours:End"], TimeOnly.FromTimeSpan(defaults.WorkEnd)).ToTimeSpan(),
            WorkingDaysOnly = !string.Equals(section["WorkingHours:WorkingDaysOnly"], "false", StringComparison.OrdinalIgnoreCase),
            Ladder = ladder,
            Snooze = Span(section["Snooze"], defaults.Snooze),
            SnoozeTomorrowAt = Time(section["SnoozeTomorrowAt"], defaults.SnoozeTomorrowAt),
            SnoozeBeforeDeadline = Span(section["SnoozeBeforeDeadline"], defaults.SnoozeBeforeDeadline),
            ManualNudgeInterval = Span(section["ManualNudgeInterval"], defaults.ManualNudgeInterval),
            PollInterval = Positive(Span(section["PollInterval"], defaults.PollInterval), "PollInterval"),
            Lease = Positive(Span(section["Lease"], defaults.Lease), "Lease"),
            LateAfter = Span(section["LateAfter"], defaults.LateAfter),
            RetryDelay = Span(section["RetryDelay"], defaults.RetryDelay),
        };
    }

    public static CycleRule Rule(IConfigurationSection section, CycleRule fallback, string where)
    {
        var kind = section["Cycle"] is { } c
            ? Enum.TryParse<CycleKind>(c, true, out var parsed) ? parsed : throw new InvalidOperationException($"Reminders:{where}:Cycle \"{c}\" is not Monthly, Quarterly, HalfYearly or Once.")
            : fallback.Kind;
        var day = section["DueDay"] is { } d
            ? int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 31 ? n : throw new InvalidOperationException($"Reminders:{where}:DueDay must be 1 to 31.")
            : fallback.DueDay;
        var dates = section.GetSection("Dates").GetChildren()
            .Select(x => DateOnly.TryParseExact(x.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                : throw new InvalidOperationException($"Reminders:{where}:Dates has \"{x.Value}\"; write dates like 2026-12-20."))
            .Order().ToArray();
        if (kind == CycleKind.Once && dates.Length == 0)
        {
            throw new InvalidOperationException($"Reminders:{where}: a one-off cycle needs Dates, e.g. [\"2026-12-20\"].");
        }
        return new CycleRule(kind, day, Time(section["DueTime"], fallback.DueTime),
            section["MoveToWorkingDay"] is { } m ? !string.Equals(m, "false", StringComparison.OrdinalIgnoreCase) : fallback.MoveToWorkingDay,
            kind == CycleKind.Once ? dates : []);
    }

    private static LadderStep Step(IConfigurationSection section)
    {
        var days = int.TryParse(section["WorkingDays"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
            : throw new InvalidOperationException($"Reminders:Ladder:{section.Key}:WorkingDays must be a whole number (-3 is three working days before the deadline).");
        var roles = section.GetSection("Roles").GetChildren()
            .Select(r => RosterRoles.Parse(r.Value) ?? throw new InvalidOperationException($"Reminders:Ladder:{section.Key}:Roles has an unknown role \"{r.Value}\" (liaison, head, member, admin)."))
            .ToArray();
        return new LadderStep(section.Key, days, Time(section["At"], new TimeOnly(9, 30)), roles,
            string.Equals(section["ChannelSummary"], "true", StringComparison.OrdinalIgnoreCase));
    }

    private static TimeOnly Time(string? text, TimeOnly fallback) =>
        text is null ? fallback
        : TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
        : throw new InvalidOperationException($"Reminders: \"{text}\" is not a time of day like 17:00.");

    // A zero poll interval would spin the poller; a zero lease would leave a pass no time to send.
    private static TimeSpan Positive(TimeSpan span, string key) =>
        span > TimeSpan.Zero ? span : throw new InvalidOperationException($"Reminders:{key} must be longer than zero, e.g. 00:01:00.");

    private static TimeSpan Span(string? text, TimeSpan fallback) =>
        text is null ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) ? t
        : throw new InvalidOperationException($"Reminders: \"{text}\" is not a duration like 00:05:00.");
}
