using GiBot.Roster;
using GiBot.Storage;
using GiBot.Tests.Cards;
using GiBot.Updates;

namespace GiBot.Tests.Updates;

/// <summary>An update's text and its submitter's name show as typed in the receipt and the 进展 history, text and card.</summary>
public sealed class UpdateMarkdownTests : IAsyncLifetime
{
    private static readonly Person Marked = new("00000000-0000-0000-0000-0000000000a9", "zhang_*san*", new UnitMembership("执法稽查科", RosterRole.Liaison));

    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync(alsoOnRoster: Marked);

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_typed_update_with_bold_and_a_link_shows_literally_in_the_receipt_and_the_history()
    {
        var receipt = await _bot.SayAsync("update 8 推进中 60% **x** [link](http://a)", Marked);
        Assert.Contains(@"\*\*x\*\* [link]\(http://a)", CardTexts.Of(receipt.RequireCard()));
        Assert.Contains(CardTexts.Of(receipt.RequireCard()), t => t.StartsWith(@"zhang\_\*san\* 于", StringComparison.Ordinal));

        var history = await _bot.SayAsync("第8项进展", People.Admin);

        Assert.Contains(@"\*\*x\*\* [link]\(http://a) _zhang\_\*san\* · ", history.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**x**", history.Text, StringComparison.Ordinal);
        Assert.Contains(@"\*\*x\*\* [link]\(http://a)", CardTexts.Of(history.RequireCard()));
        Assert.Contains(CardTexts.Of(history.RequireCard()), t => t.StartsWith(@"zhang\_\*san\* · ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_preview_shows_every_field_as_typed_in_full_within_Teams_limit_and_editing_gives_back_the_raw_text()
    {
        var stars = new string('*', UpdateOptions.MaxTextLength);
        var form = await _bot.SayAsync("汇报第8项", Marked);
        var inputs = new Dictionary<string, string?>(UpdateDialogTests.Valid)
        {
            ["progress"] = stars,
            ["problems"] = stars,
            ["nextSteps"] = stars,
            ["majorIssue"] = "true",
            ["majorIssueDescription"] = stars,
            ["evidenceUrl"] = "https://example.gov.cn/a_b*c",
        };

        var preview = await _bot.PressAsync(form, UpdateVerbs.Preview, inputs, Marked);

        var escaped = stars.Replace("*", @"\*", StringComparison.Ordinal);
        Assert.Equal(4, CardTexts.Of(preview.RequireCard()).Count(t => t == escaped));
        Assert.Contains(@"https://example.gov.cn/a_b\*c", CardTexts.Of(preview.RequireCard()));
        Assert.InRange(2L * _bot.Connector.Sent[^1].Body.Length, 0, 80 * 1024);

        var edit = await _bot.PressAsync(preview, UpdateVerbs.Edit, who: Marked);
        Assert.Equal(stars, edit.Input("progress")!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_long_excerpt_is_cut_before_it_is_escaped_and_keeps_its_emoji_whole()
    {
        var text = new string('x', 299) + "😀" + new string('*', 100);
        await _bot.Updates.SubmitAsync(new ProgressReport(8, "执法稽查科", "2026-11", "推进中", 50, text, null, null, false, null, null),
            new Submitter(Marked.AadObjectId, Marked.Name), "key-long", [], TestContext.Current.CancellationToken);

        var history = await _bot.SayAsync("第8项进展", People.Admin);

        Assert.Contains(new string('x', 299) + "…（全文 401 字）", history.Text, StringComparison.Ordinal);
        Assert.Contains(new string('x', 299) + "…（全文 401 字）", CardTexts.Of(history.RequireCard()));
    }

    [Fact]
    public async Task Ten_updates_of_nothing_but_markup_keep_the_history_within_Teams_limit()
    {
        var stars = new string('*', UpdateOptions.MaxTextLength);
        for (var i = 0; i < 10; i++)
        {
            var unit = i % 2 == 0 ? "执法稽查科" : "反不正当竞争科";
            await _bot.Updates.SubmitAsync(new ProgressReport(8, unit, "2026-11", "推进中", 50, stars, stars, stars, true, stars, null),
                new Submitter($"aad-{i}", $"_联络员{i}_"), $"key-{i}", [], TestContext.Current.CancellationToken);
        }

        var history = await _bot.SayAsync("第8项进展", People.Admin);

        Assert.Contains(new string('*', 300).Replace("*", @"\*", StringComparison.Ordinal) + "…（全文", history.Text, StringComparison.Ordinal);
        Assert.InRange(2L * _bot.Connector.Sent[^1].Body.Length, 0, 80 * 1024);
    }
}
