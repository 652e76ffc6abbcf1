using GiBot.Measures.Registry;

namespace GiBot.Measures.Questions;

/// <summary>
/// Finds measures by words from their text. Chinese phrases match as substrings of the verbatim text
/// (the plan is 20 short paragraphs, so a scan beats a segmenter); a phrase found nowhere falls back to
/// character bigrams, ignoring bigrams common to most measures (地理, 标志…). English words match the
/// English summaries by prefix. A phrase in the title of a measure's item counts for the measure too, with no weight in
/// the ranking. Measures matching the most phrases win; ties rank by how much text matched.
/// </summary>
public sealed class KeywordIndex
{
    private const double BigramCoverage = 0.66;
    private readonly (Measure Measure, string Text, string[] EnglishWords, string Title, string[] TitleWords)[] _entries;
    private readonly HashSet<string> _commonBigrams;

    public KeywordIndex(MeasureRegistry registry)
    {
        _entries = registry.Measures
            .Select(m => (m, QuestionText.Normalize(m.Text), SplitWords(QuestionText.Normalize(m.SummaryEn)),
                QuestionText.Normalize(m.Item.Title), SplitWords(QuestionText.Normalize(m.Item.TitleEn))))
            .ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, text, _, _, _) in _entries)
        {
            foreach (var bigram in Bigrams(text).Distinct())
            {
                counts[bigram] = counts.GetValueOrDefault(bigram) + 1;
            }
        }
        _commonBigrams = counts.Where(c => c.Value * 3 >= _entries.Length).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<Measure> Search(IReadOnlyList<string> chinesePhrases, IReadOnlyList<string> englishWords)
    {
        var terms = englishWords.Where(w => w.Length >= 4).Select(Stem).ToArray();
        if (chinesePhrases.Count == 0 && terms.Length == 0)
        {
            return [];
        }
        var scored = new List<(Measure Measure, int Matched, int Score)>();
        foreach (var (measure, text, words, title, titleWords) in _entries)
        {
            var matched = 0;
            var score = 0;
            foreach (var phrase in chinesePhrases)
            {
                var exact = Occurrences(text, phrase);
                if (exact > 0)
                {
                    matched++;
                    score += exact * phrase.Length * 2;
                }
                else if (BigramHits(text, phrase) is > 0 and var hits)
                {
                    matched++;
                    score += hits;
                }
                else if (title.Contains(phrase, StringComparison.Ordinal))
                {
                    // The item's title speaks for its measures (假冒 finds 8–10 under （八）严厉打击地理标志侵权假冒行为),
                    // ranked after every measure whose own text has the phrase.
                    matched++;
                }
            }
            foreach (var term in terms)
            {
                if (words.Any(w => w.StartsWith(term, StringComparison.Ordinal)))
                {
                    matched++;
                    score += term.Length;
                }
                else if (titleWords.Any(w => w.StartsWith(term, StringComparison.Ordinal)))
                {
                    matched++;
                }
            }
            if (matched > 0)
            {
                scored.Add((measure, matched, score));
            }
        }
        if (scored.Count == 0)
        {
            return [];
        }
        var best = scored.Max(s => s.Matched);
        return scored.Where(s => s.Matched == best)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Measure.Number)
            .Select(s => s.Measure).ToArray();
    }

    /// <summary>How many of the phrase's distinctive bigrams the text has, when that is most of them; else 0.</summary>
    private int BigramHits(string text, string phrase)
    {
        if (phrase.Length < 3)
        {
            return 0;
        }
        var total = 0;
        var hits = 0;
        for (var i = 0; i + 1 < phrase.Length; i++)
        {
            var bigram = phrase.AsSpan(i, 2);
            if (_commonBigrams.GetAlternateLookup<ReadOnlySpan<char>>().Contains(bigram))
            {
                continue;
            }
            total++;
            if (text.AsSpan().IndexOf(bigram, StringComparison.Ordinal) >= 0)
            {
                hits++;
            }
        }
        return total > 0 && hits >= 2 && hits >= total * BigramCoverage ? hits : 0;
    }

    private static int Occurrences(string text, string phrase)
    {
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static IEnumerable<string> Bigrams(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (QuestionText.IsCjk(text[i]) && QuestionText.IsCjk(text[i + 1]))
            {
                yield return text.Substring(i, 2);
            }
        }
    }

    private static string[] SplitWords(string text) =>
        text.Split([' ', ',', ';', '(', ')', '"', '.', '-', '/'], StringSplitOptions.RemoveEmptyEntries);

    // "counterfeiting" finds "counterfeit", "trainings" finds "training".
    private static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "es", "ed", "s"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4)
            {
                return word[..^suffix.Length];
            }
        }
        return word;
    }
}
