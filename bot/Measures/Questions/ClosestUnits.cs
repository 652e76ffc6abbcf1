using GiBot.Measures.Registry;

namespace GiBot.Measures.Questions;

/// <summary>
/// The units of the plan closest to a name it does not have: 食品安全科 → 食品生产安全监督管理科, 产品质量安全监督管理科.
/// A unit scores for each character of the name (its suffix aside) found in its official name or Chinese aliases, a
/// character weighing less the more units have it (知识产权 is in three names, 质量 in one); a unit of the same kind
/// (科, 中心) scores a little more. Units scoring at least half the best are suggested, best first, at most three.
/// </summary>
public sealed class ClosestUnits
{
    private const int MaxSuggestions = 3;
    private const double SameSuffixBonus = 0.25;

    private readonly (Unit Unit, string Names, string? Suffix)[] _units;
    private readonly Dictionary<char, int> _unitsHaving = [];

    public ClosestUnits(MeasureRegistry registry)
    {
        // The county bureaus one by one would crowd the list (all are 市场监督管理局); the plan names them as one group.
        _units = registry.Units.Where(u => u.Kind != UnitKind.CountyBureau).Append(registry.CountyBureausGroup)
            .Select(u => (u, string.Concat(u.Aliases.Prepend(u.Name).Select(QuestionText.Normalize)), UnitLikeNames.SuffixOf(u.Name)))
            .ToArray();
        foreach (var (_, names, _) in _units)
        {
            foreach (var c in names.Where(QuestionText.IsCjk).Distinct())
            {
                _unitsHaving[c] = _unitsHaving.GetValueOrDefault(c) + 1;
            }
        }
    }

    /// <summary>The units to suggest for a unit name the plan does not have, best first; empty when none shares a character.</summary>
    public IReadOnlyList<Unit> To(string name)
    {
        var suffix = UnitLikeNames.SuffixOf(name);
        var stem = (suffix is null ? name : name[..^suffix.Length]).Where(QuestionText.IsCjk).Distinct().ToArray();
        var scored = _units
            .Select((u, order) => (u.Unit, Order: order, Score: Score(stem, u.Names) is var s && s > 0 && u.Suffix == suffix ? s + SameSuffixBonus : s))
            .Where(s => s.Score > 0)
            .ToArray();
        if (scored.Length == 0)
        {
            return [];
        }
        var best = scored.Max(s => s.Score);
        return scored.Where(s => s.Score * 2 >= best)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Order)
            .Take(MaxSuggestions).Select(s => s.Unit).ToArray();
    }

    private double Score(char[] stem, string names) =>
        stem.Where(c => names.Contains(c, StringComparison.Ordinal)).Sum(c => 1.0 / _unitsHaving[c]);
}
