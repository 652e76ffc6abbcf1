using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GiBot.Storage;

namespace GiBot.Reminders.Schedule;

/// <summary>Admins' cycle overrides in the settings store (configuration stays the default), loaded into <see cref="CycleOverrides"/>.</summary>
public sealed class CycleSettings(IBotSettingsStore settings, CycleOverrides overrides)
{
    public const string Key = "reminders.cycles";

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var stored = await settings.GetAsync(Key, cancellationToken);
        overrides.Replace(stored is null ? new Dictionary<int, CycleRule>() : Parse(stored.Value));
    }

    /// <summary>Sets (or with null removes) one measure's override; compare-and-set so two admins do not lose each other's change.</summary>
    public async Task SetAsync(int measure, CycleRule? rule, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await settings.GetAsync(Key, cancellationToken);
            var rules = stored is null ? new Dictionary<int, CycleRule>() : new Dictionary<int, CycleRule>(Parse(stored.Value));
            if (rule is null)
            {
                rules.Remove(measure);
            }
            else
            {
                rules[measure] = rule;
            }
            if (await settings.TrySetAsync(Key, Serialize(rules), stored?.Version ?? 0, cancellationToken))
            {
                overrides.Replace(rules);
                return;
            }
        }
        throw new StorageUnavailableException("The reminder cycles were changed by someone else five times in a row.");
    }

    private static Dictionary<int, CycleRule> Parse(string json) =>
        (JsonSerializer.Deserialize(json, CycleJson.Default.DictionaryStringStoredCycle) ?? [])
        .ToDictionary(p => int.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value.ToRule());

    private static string Serialize(Dictionary<int, CycleRule> rules) =>
        JsonSerializer.Serialize(rules.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => StoredCycle.From(p.Value)), CycleJson.Default.DictionaryStringStoredCycle);
}

public sealed record StoredCycle(CycleKind Kind, int DueDay, string DueTime, bool MoveToWorkingDay, string[] Dates)
{
    public static StoredCycle From(CycleRule rule) => new(rule.Kind, rule.DueDay, rule.DueTime.ToString("HH:mm", CultureInfo.InvariantCulture), rule.MoveToWorkingDay,
        rule.Dates.Select(PeriodKeys.OneOff).ToArray());

    public CycleRule ToRule() => new(Kind, DueDay, TimeOnly.ParseExact(DueTime, "HH:mm", CultureInfo.InvariantCulture), MoveToWorkingDay,
        Dates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Dictionary<string, StoredCycle>))]
internal sealed partial class CycleJson : JsonSerializerContext;
