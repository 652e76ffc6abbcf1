using GiBot.Relay;
using GiBot.Storage;
using GiBot.Tests.Storage;
using GiBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Updates;

/// <summary>The same guarantees on PostgreSQL, with two bot instances sharing the database (skipped without a server).</summary>
public sealed class UpdatePostgresTests
{
    [Fact]
    public async Task Two_instances_submitting_one_draft_at_once_store_one_update_and_one_outbox_message()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString };
        await using var first = await UpdateBot.StartAsync(settings: settings);
        await using var second = first.SecondInstance(settings);

        var form = await first.SayAsync("汇报第8项");
        var preview = await first.PressAsync(form, UpdateVerbs.Preview, UpdateDialogTests.Valid);
        var receipts = await Task.WhenAll(
            first.PressAsync(preview, UpdateVerbs.Submit),
            second.PressAsync(preview, UpdateVerbs.Submit, execute: true));

        Assert.All(receipts, r => Assert.Contains("进展汇报已提交", r.CardText, StringComparison.Ordinal));
        Assert.Single(await second.Updates.ListAllVersionsAsync(TestContext.Current.CancellationToken));
        var outbox = await first.App.Services.GetRequiredService<IRelayOutbox>().ClaimAsync("test", 100, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Equal(RelayOutboxMessages.UpdateKind, Assert.Single(outbox).Kind);
    }
}
