using System.Collections.Concurrent;
using GiBot.Storage;

namespace GiBot.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Outbox_keeps_one_message_per_dedup_key_and_respects_not_before()
    {
        var s = await StoresAsync();
        Assert.True(await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{}"), None));
        Assert.False(await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{\"again\":1}"), None));
        Assert.True(await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "later", "{}", Time.GetUtcNow().AddMinutes(5)), None));

        var claimed = await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None);
        var message = Assert.Single(claimed);
        Assert.Equal("k1", message.DedupKey);
        Assert.Equal("{}", message.Payload);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public async Task A_claimed_message_is_not_claimed_again_until_its_lease_expires()
    {
        var s = await StoresAsync();
        await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{}"), None);
        var first = Assert.Single(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(2), None));

        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await s.Outbox.ClaimAsync("bot-b", 10, TimeSpan.FromMinutes(2), None));

        Time.Advance(TimeSpan.FromMinutes(2));
        var retaken = Assert.Single(await s.Outbox.ClaimAsync("bot-b", 10, TimeSpan.FromMinutes(2), None));
        Assert.Equal(first.Id, retaken.Id);
        Assert.Equal(2, retaken.Attempts);

        Assert.False(await s.Outbox.CompleteAsync(first.Id, first.ClaimToken!, None));
        Assert.True(await s.Outbox.CompleteAsync(retaken.Id, retaken.ClaimToken!, None));
        Assert.Equal(0, await s.Outbox.CountPendingAsync(None));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(2), None));
    }

    [Fact]
    public async Task The_posted_activity_id_is_recorded_once_and_survives_a_retry()
    {
        var s = await StoresAsync();
        await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{}"), None);
        var claim = Assert.Single(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));

        Assert.True(await s.Outbox.RecordPostedAsync(claim.Id, "1:posted", None));
        Assert.False(await s.Outbox.RecordPostedAsync(claim.Id, "1:second-post", None));
        Assert.True(await s.Outbox.RetryLaterAsync(claim.Id, claim.ClaimToken!, Time.GetUtcNow().AddSeconds(30), "429 Too Many Requests", None));

        Assert.Empty(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Time.Advance(TimeSpan.FromSeconds(30));
        var retry = Assert.Single(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal("1:posted", retry.PostedActivityId);
        Assert.Equal("429 Too Many Requests", retry.LastError);
        Assert.Equal(2, retry.Attempts);
    }

    [Fact]
    public async Task A_message_given_up_on_is_listed_for_admins_and_never_claimed()
    {
        var s = await StoresAsync();
        await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{}"), None);
        var claim = Assert.Single(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));

        Assert.True(await s.Outbox.GiveUpAsync(claim.Id, claim.ClaimToken!, "bot removed from the team", None));

        var failed = Assert.Single(await s.Outbox.ListGivenUpAsync(None));
        Assert.Equal("bot removed from the team", failed.LastError);
        Assert.NotNull(failed.FailedAt);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal(0, await s.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Two_instances_claiming_concurrently_deliver_every_message_exactly_once()
    {
        const int Count = 120;
        var a = await StoresAsync();
        var b = new TestStores(await OpenDatabaseAsync(), Time);
        for (var i = 0; i < Count; i++)
        {
            await a.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", $"k{i}", $"{{\"n\":{i}}}"), None);
        }
        var deliveries = new ConcurrentDictionary<long, int>();

        async Task Claimer(TestStores stores, string name)
        {
            while (true)
            {
                var batch = await stores.Outbox.ClaimAsync(name, 7, TimeSpan.FromMinutes(5), None);
                if (batch.Count == 0)
                {
                    return;
                }
                foreach (var message in batch)
                {
                    deliveries.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
                    Assert.True(await stores.Outbox.CompleteAsync(message.Id, message.ClaimToken!, None));
                }
            }
        }

        await Task.WhenAll(Task.Run(() => Claimer(a, "bot-a")), Task.Run(() => Claimer(b, "bot-b")));

        Assert.Equal(Count, deliveries.Count);
        Assert.All(deliveries.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, await a.Outbox.CountPendingAsync(None));
    }
}
