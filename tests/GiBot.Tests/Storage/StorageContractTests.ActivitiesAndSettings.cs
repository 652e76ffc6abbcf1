namespace GiBot.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task An_activity_id_is_recorded_once_across_instances_and_purged_when_old()
    {
        var a = await StoresAsync();
        var b = new TestStores(await OpenDatabaseAsync(), Time);
        Assert.True(await a.Activities.TryRecordAsync("a:chat", "m-1", null, None));
        Assert.False(await b.Activities.TryRecordAsync("a:chat", "m-1", null, None));
        Assert.True(await b.Activities.TryRecordAsync("a:other-chat", "m-1", null, None));

        Time.Advance(TimeSpan.FromDays(3));
        Assert.True(await a.Activities.TryRecordAsync("a:chat", "m-2", null, None));
        Assert.Equal(2, await a.Activities.PurgeAsync(Time.GetUtcNow().AddDays(-2), None));
        Assert.True(await a.Activities.TryRecordAsync("a:chat", "m-1", null, None));
        Assert.False(await a.Activities.TryRecordAsync("a:chat", "m-2", null, None));
    }

    [Fact]
    public async Task Settings_are_versioned_for_compare_and_set()
    {
        var s = await StoresAsync();
        Assert.Null(await s.Settings.GetAsync("relay.channel", None));
        Assert.True(await s.Settings.TrySetAsync("relay.channel", "{\"channel\":\"19:a\"}", 0, None));
        Assert.False(await s.Settings.TrySetAsync("relay.channel", "{\"channel\":\"19:b\"}", 0, None));
        Assert.True(await s.Settings.TrySetAsync("relay.channel", "{\"channel\":\"19:c\"}", 1, None));
        Assert.False(await s.Settings.TrySetAsync("relay.channel", "{\"channel\":\"19:d\"}", 1, None));
        Assert.Equal(3, await s.Settings.SetAsync("relay.channel", "{\"channel\":\"19:e\"}", None));

        var setting = await s.Settings.GetAsync("relay.channel", None);
        Assert.Equal("{\"channel\":\"19:e\"}", setting!.Value);
        Assert.Equal(3, setting.Version);
    }
}
