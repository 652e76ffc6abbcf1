using GiBot.Updates;

namespace GiBot.Tests.Updates;

/// <summary>The draft is stored on every step, so a restarted bot or another device continues it.</summary>
public sealed class UpdateContinuationTests
{
    [Fact]
    public async Task After_a_restart_reporting_again_offers_the_draft_and_continues_with_everything_typed()
    {
        await using var first = await UpdateBot.StartAsync();
        var form = await first.SayAsync("汇报第8项");
        await first.PressAsync(form, UpdateVerbs.Preview, new(UpdateDialogTests.Valid) { ["progress"] = "", ["problems"] = "人手不足" });
        await first.App.DisposeAsync();

        await using var restarted = first.Restarted();
        var offer = await restarted.SayAsync("汇报进展");
        Assert.Contains("未提交的第 8 项措施的进展汇报草稿", offer.Text, StringComparison.Ordinal);
        var resumed = await restarted.PressAsync(offer, UpdateVerbs.Resume);
        Assert.Equal("人手不足", resumed.Input("problems")!["value"]!.GetValue<string>());
        Assert.Equal("推进中", resumed.Input("status")!["value"]!.GetValue<string>());
        Assert.Null(resumed.Input("progress")!["value"]);

        var preview = await restarted.PressAsync(resumed, UpdateVerbs.Preview, new(UpdateDialogTests.Valid) { ["problems"] = "人手不足" });
        var receipt = await restarted.PressAsync(preview, UpdateVerbs.Submit);
        Assert.Contains("进展汇报已提交", receipt.CardText, StringComparison.Ordinal);
        Assert.Equal("人手不足", Assert.Single(await restarted.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken)).Report.Problems);
    }

    [Fact]
    public async Task Starting_again_discards_the_old_draft_so_its_card_can_no_longer_submit()
    {
        await using var bot = await UpdateBot.StartAsync();
        var form = await bot.SayAsync("汇报第8项");
        var oldPreview = await bot.PressAsync(form, UpdateVerbs.Preview, UpdateDialogTests.Valid);
        var offer = await bot.SayAsync("汇报第9项");
        var fresh = await bot.PressAsync(offer, UpdateVerbs.Restart);
        Assert.Contains("第 9 项措施", fresh.CardText, StringComparison.Ordinal);
        var stale = await bot.PressAsync(oldPreview, UpdateVerbs.Submit);
        Assert.Contains("已失效", stale.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
    }
}
