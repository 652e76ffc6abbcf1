using GiBot.Measures.Registry;

namespace GiBot.Measures.Questions;

/// <summary>
/// Finds the units a question names by official name, English name or short name (知保科, 执法稽查,
/// Personnel). Longest names win, and text once matched is not matched again, so 知识产权保护中心 is
/// the centre and not 知识产权保护科.
/// </summary>
public sealed class UnitMatcher
{
    /// <summary>
    /// Phrases of the plan that contain a unit's short name but name no unit: 建设地理标志产品保护示范区 (measure 3) is a
    /// demonstration zone to build, not 城乡一体化示范区分局.
    /// </summary>
    private static readonly string[] NotUnits = ["保护示范区"];

    private readonly (string Alias, Unit Unit, bool Latin)[] _aliases;

    public UnitMatcher(MeasureRegistry registry)
    {
        _aliases = registry.Units.Append(registry.CountyBureausGroup)
            .SelectMany(u => new[] { u.Name, u.NameEn }.Concat(u.Aliases).Select(a => (Alias: QuestionText.Normalize(a), Unit: u)))
            .Where(x => x.Alias.Length >= 2)
            .DistinctBy(x => x.Alias)
            .OrderByDescending(x => x.Alias.Length)
            .Select(x => (x.Alias, x.Unit, Latin: x.Alias.Any(QuestionText.IsLatinLetter)))
            .ToArray();
    }

    /// <summary>The distinct units named, in order of appearance of their first mention.</summary>
    public IReadOnlyList<Unit> Match(string normalizedText)
    {
        if (normalizedText.Length < 2)
        {
            return [];
        }
        Span<char> text = normalizedText.Length <= 256 ? stackalloc char[normalizedText.Length] : new char[normalizedText.Length];
        normalizedText.AsSpan().CopyTo(text);
        foreach (var phrase in NotUnits)
        {
            for (var at = text.IndexOf(phrase.AsSpan(), StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase.AsSpan(), StringComparison.Ordinal))
            {
                text.Slice(at, phrase.Length).Fill(' ');
            }
        }
        List<(int At, Unit Unit)>? found = null;
        foreach (var (alias, unit, latin) in _aliases)
        {
            var from = 0;
            while (from <= text.Length - alias.Length)
            {
                var at = text[from..].IndexOf(alias.AsSpan(), StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }
                at += from;
                var end = at + alias.Length;
                if (!latin || (IsWordBoundary(text, at - 1) && IsWordBoundary(text, end)))
                {
                    found ??= [];
                    found.Add((at, unit));
                    text[at..end].Fill(' ');
                }
                from = end;
            }
        }
        if (found is null)
        {
            return [];
        }
        return found.OrderBy(f => f.At).Select(f => f.Unit).Distinct().ToArray();
    }

    private static bool IsWordBoundary(ReadOnlySpan<char> text, int index) =>
        index < 0 || index >= text.Length || !char.IsAsciiLetterOrDigit(text[index]);
}
