namespace GiBot.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Drafts_are_kept_per_user_and_scope_and_overwritten()
    {
        var s = await StoresAsync();
        await s.Drafts.SaveAsync("aad-1", "update/8", "{\"status\":\"推进中\"}", None);
        await s.Drafts.SaveAsync("aad-1", "update/3", "{}", None);
        await s.Drafts.SaveAsync("aad-2", "update/8", "{\"other\":true}", None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await s.Drafts.SaveAsync("aad-1", "update/8", "{\"status\":\"已完成\"}", None);

        var draft = await s.Drafts.GetAsync("aad-1", "update/8", None);
        Assert.Equal("{\"status\":\"已完成\"}", draft!.Payload);
        Assert.Equal(Time.GetUtcNow(), draft.UpdatedAt);
        Assert.Equal(["update/8", "update/3"], (await s.Drafts.ListForUserAsync("aad-1", None)).Select(d => d.Scope));

        Assert.True(await s.Drafts.DeleteAsync("aad-1", "update/8", None));
        Assert.Null(await s.Drafts.GetAsync("aad-1", "update/8", None));
        Assert.NotNull(await s.Drafts.GetAsync("aad-2", "update/8", None));
    }
}
