using System.Text.RegularExpressions;

namespace GiBot.Tests.Localization;

/// <summary>
/// A help text's placeholder must show in Teams: <c>&lt;unit&gt;</c> or <c>&lt;单位&gt;</c> in a Markdown message reads as an HTML
/// tag and disappears, so GiBot writes ×× (a unit) and ××× (a person) in Chinese, [unit] and [email or name] in English.
/// </summary>
public static partial class VisiblePlaceholders
{
    public static void AssertShown(string? text)
    {
        Assert.NotNull(text);
        Assert.DoesNotMatch(TagLike(), text);
    }

    /// <summary>&lt;word&gt; not escaped with a backslash, as Teams would take for a tag.</summary>
    [GeneratedRegex(@"(?<!\\)<[\p{L}][\p{L}\s]*>")]
    private static partial Regex TagLike();
}
