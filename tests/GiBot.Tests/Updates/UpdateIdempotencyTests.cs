using GiBot.Relay;
using GiBot.Storage;
using GiBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Updates;

/// <summary>One draft gives one update and one set of relay messages, however often and wherever it is submitted.</summary>
public sealed class UpdateIdempotencyTests : IAsyncLifetime
{
    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_concurrent_submits_of_one_draft_store_one_update_with_one_set_of_outbox_messages(bool majorIssue)
    {
        var form = await _bot.SayAsync("汇报第8项");
        var inputs = new Dictionary<string, string?>(UpdateDialogTests.Valid)
        {
            ["majorIssue"] = majorIssue ? "true" : "false",
            ["majorIssueDescription"] = majorIssue ? "跨区域侵权线索" : "",
        };
        var preview = await _bot.PressAsync(form, UpdateVerbs.Preview, inputs);

        var receipts = await Task.WhenAll(
            _bot.PressAsync(preview, UpdateVerbs.Submit),
            _bot.PressAsync(preview, UpdateVerbs.Submit, execute: true));

        Assert.All(receipts, r => Assert.Contains("进展汇报已提交", r.CardText, StringComparison.Ordinal));
        var update = Assert.Single(await _bot.Updates.ListAllVersionsAsync(TestContext.Current.CancellationToken));
        var outbox = await _bot.App.Services.GetRequiredService<IRelayOutbox>().ClaimAsync("test", 100, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Equal(majorIssue ? [RelayOutboxMessages.MajorIssueKind, RelayOutboxMessages.UpdateKind] : [RelayOutboxMessages.UpdateKind],
            outbox.Select(m => m.Kind).Order().ToArray());
        var payload = RelayOutboxMessages.Read(outbox.First(m => m.Kind == RelayOutboxMessages.UpdateKind));
        Assert.Equal((8, "执法稽查科", false), (payload.Report.Measure, payload.Report.UnitId, payload.IsCorrection));
        Assert.Equal(update.Report, payload.Report);
    }

    [Fact]
    public async Task A_later_click_on_another_device_shows_the_same_receipt_and_stores_nothing_new()
    {
        var form = await _bot.SayAsync("汇报第8项");
        var preview = await _bot.PressAsync(form, UpdateVerbs.Preview, UpdateDialogTests.Valid);
        var first = await _bot.PressAsync(preview, UpdateVerbs.Submit);
        var second = await _bot.PressAsync(preview, UpdateVerbs.Submit, execute: true);
        Assert.Equal(first.CardText, second.CardText);
        Assert.Single(await _bot.Updates.ListAllVersionsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_retried_delivery_of_the_same_one_line_update_stores_it_once()
    {
        var activity = _bot.Message("update 8 推进中 60% 已完成专项检查3次", People.Inspector);
        await _bot.SendAsync(activity);
        var retry = _bot.Message("update 8 推进中 60% 已完成专项检查3次", People.Inspector);
        retry["id"] = activity["id"]!.GetValue<string>();
        await _bot.App.PostActivityAsync(retry);
        Assert.Single(await _bot.Updates.ListAllVersionsAsync(TestContext.Current.CancellationToken));
    }
}
