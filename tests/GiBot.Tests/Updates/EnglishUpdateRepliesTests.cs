using GiBot.Localization;

namespace GiBot.Tests.Updates;

/// <summary>English replies of the update dialog name units in English and use English punctuation.</summary>
public sealed class EnglishUpdateRepliesTests : IAsyncLifetime
{
    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_receipt_names_the_unit_in_English()
    {
        var answer = await _bot.SayAsync("update 8 in-progress 40% two joint inspections");
        Assert.Equal("Your update on measure 8 is submitted (Enforcement and Inspection Section, 2026-11, In progress).", answer.Text);
    }

    [Fact]
    public async Task A_measure_of_another_unit_is_refused_in_English_only()
    {
        var answer = await _bot.SayAsync("update 2 done 100% finished");
        Assert.StartsWith("Sorry, measure 2 is not your unit's (Enforcement and Inspection Section)", answer.Text, StringComparison.Ordinal);
        AssertNoChinese(answer.Text!);
    }

    [Fact]
    public async Task Problems_with_a_line_are_listed_with_English_punctuation()
    {
        var answer = await _bot.SayAsync("update 8 in-progress 60%");
        Assert.Contains("- Progress: Please describe the progress (required).", answer.Text, StringComparison.Ordinal);
        AssertNoChinese(answer.Text!);
    }

    [Fact]
    public async Task History_in_English_has_English_punctuation_and_labels_the_progress_as_progress()
    {
        await _bot.SayAsync("update 8 done 100% five inspections");
        var history = await _bot.SayAsync("history 8");
        Assert.Contains("(2026-11) Status: Completed · Completion (%): 100% · Progress: five inspections", history.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("：", history.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("（", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_measures_in_English_shows_the_status_and_role_in_English()
    {
        await _bot.SayAsync("update 8 推进中 60% 已开展检查");
        var mine = await _bot.SayAsync("my measures");
        Assert.Contains("Latest update (2026-11): In progress", mine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("推进中", mine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("（", mine.Text, StringComparison.Ordinal);
    }

    private static void AssertNoChinese(string text) =>
        Assert.False(text.Any(LanguageDetector.IsCjk), $"Chinese in an English reply: {text}");
}
