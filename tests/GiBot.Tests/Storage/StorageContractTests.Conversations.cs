using GiBot.Storage;

namespace GiBot.Tests.Storage;

public abstract partial class StorageContractTests
{
    private ConversationReference Personal(string aad = "aad-1", string serviceUrl = "https://smba.example/cn/") =>
        new("a:personal-" + aad, ConversationReference.Personal, serviceUrl, "tenant-1", "28:bot", "29:" + aad, aad, "张三", null, null, null, Time.GetUtcNow());

    [Fact]
    public async Task A_personal_chat_is_found_by_user_and_refreshed_on_upsert()
    {
        var s = await StoresAsync();
        await s.Conversations.UpsertAsync(Personal(), None);
        Assert.Equal("https://smba.example/cn/", (await s.Conversations.FindPersonalChatAsync("aad-1", None))!.ServiceUrl);

        Time.Advance(TimeSpan.FromMinutes(5));
        await s.Conversations.UpsertAsync(Personal(serviceUrl: "https://smba.example/moved/"), None);

        var found = await s.Conversations.FindPersonalChatAsync("aad-1", None);
        Assert.Equal("https://smba.example/moved/", found!.ServiceUrl);
        Assert.Equal(Time.GetUtcNow(), found.UpdatedAt);
        Assert.Equal("https://smba.example/moved/", (await s.Conversations.GetAsync("a:personal-aad-1", None))!.ServiceUrl);
        Assert.Null(await s.Conversations.FindPersonalChatAsync("aad-unknown", None));
    }

    [Fact]
    public async Task The_language_a_person_wrote_in_is_kept_until_they_write_in_another()
    {
        var s = await StoresAsync();
        await s.Conversations.UpsertAsync(Personal(), None);
        Assert.Null((await s.Conversations.FindPersonalChatAsync("aad-1", None))!.Language);

        await s.Conversations.UpsertAsync(Personal() with { Language = "en-US" }, None);
        await s.Conversations.UpsertAsync(Personal(serviceUrl: "https://smba.example/moved/"), None); // tells no language
        var found = await s.Conversations.FindPersonalChatAsync("aad-1", None);
        Assert.Equal(("en-US", "https://smba.example/moved/"), (found!.Language, found.ServiceUrl));

        await s.Conversations.UpsertAsync(Personal() with { Language = "zh-CN" }, None);
        Assert.Equal("zh-CN", (await s.Conversations.GetAsync("a:personal-aad-1", None))!.Language);
    }

    [Fact]
    public async Task A_removed_chat_is_not_offered_until_the_user_writes_again()
    {
        var s = await StoresAsync();
        await s.Conversations.UpsertAsync(Personal(), None);
        Assert.NotNull(await s.Conversations.FindPersonalChatAsync("aad-1", None));

        await s.Conversations.MarkRemovedAsync("a:personal-aad-1", None);
        Assert.Null(await s.Conversations.FindPersonalChatAsync("aad-1", None));
        Assert.True((await s.Conversations.GetAsync("a:personal-aad-1", None))!.IsRemoved);

        await s.Conversations.UpsertAsync(Personal(), None);
        Assert.NotNull(await s.Conversations.FindPersonalChatAsync("aad-1", None));
    }

    [Fact]
    public async Task Team_channels_are_listed_and_removed_with_their_team()
    {
        var s = await StoresAsync();
        ConversationReference Channel(string id, string team) =>
            new(id, ConversationReference.Channel, "https://smba.example/cn/", "tenant-1", "28:bot", null, null, null, team, "知识产权", id, Time.GetUtcNow());
        await s.Conversations.UpsertAsync(Channel("19:general@thread.tacv2", "team-1"), None);
        await s.Conversations.UpsertAsync(Channel("19:ip@thread.tacv2", "team-1"), None);
        await s.Conversations.UpsertAsync(Channel("19:other@thread.tacv2", "team-2"), None);

        Assert.Equal(["19:general@thread.tacv2", "19:ip@thread.tacv2"], (await s.Conversations.ListTeamChannelsAsync("team-1", None)).Select(c => c.ConversationId));

        await s.Conversations.MarkTeamRemovedAsync("team-1", None);
        Assert.Empty(await s.Conversations.ListTeamChannelsAsync("team-1", None));
        Assert.Single(await s.Conversations.ListTeamChannelsAsync("team-2", None));
    }

    [Fact]
    public async Task A_write_on_another_instance_is_seen_here_once_the_cache_expires()
    {
        var here = await StoresAsync();
        var there = new TestStores(await OpenDatabaseAsync(), Time);
        await here.Conversations.UpsertAsync(Personal(), None);
        Assert.NotNull(await here.Conversations.FindPersonalChatAsync("aad-1", None));

        await there.Conversations.MarkRemovedAsync("a:personal-aad-1", None);
        Assert.Null(await there.Conversations.FindPersonalChatAsync("aad-1", None));

        // The MemoryCache measures expiry on the system clock; clearing it stands in for the lifetime passing.
        ((Microsoft.Extensions.Caching.Memory.MemoryCache)here.Cache).Clear();
        Assert.Null(await here.Conversations.FindPersonalChatAsync("aad-1", None));
    }
}
