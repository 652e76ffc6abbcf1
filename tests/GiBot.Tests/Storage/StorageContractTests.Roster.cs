using GiBot.Storage;

namespace GiBot.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Roster_writes_are_visible_at_once_through_the_cache()
    {
        var s = await StoresAsync();
        await s.Roster.UpsertAsync(new RosterEntry("aad-1", "zfj", "liaison", "aad-1", "a@example.org", "张三"), None);
        await s.Roster.UpsertAsync(new RosterEntry("aad-1", "ipp", "member", "aad-1", "a@example.org", "张三"), None);
        await s.Roster.UpsertAsync(new RosterEntry("aad-2", "zfj", "head", "aad-2", null, "王科长"), None);

        Assert.Equal(["ipp", "zfj"], (await s.Roster.ListForPersonAsync("aad-1", None)).Select(e => e.UnitId).Order());
        Assert.Equal(["aad-1", "aad-2"], (await s.Roster.ListForUnitAsync("zfj", None)).Select(e => e.PersonId).Order());

        await s.Roster.UpsertAsync(new RosterEntry("aad-1", "zfj", "head", "aad-1", "a@example.org", "张三"), None);
        Assert.Equal("head", (await s.Roster.ListForPersonAsync("aad-1", None)).Single(e => e.UnitId == "zfj").Role);

        Assert.True(await s.Roster.RemoveAsync("aad-1", "ipp", None));
        Assert.False(await s.Roster.RemoveAsync("aad-1", "ipp", None));
        Assert.Equal(["zfj"], (await s.Roster.ListForPersonAsync("aad-1", None)).Select(e => e.UnitId));
        Assert.Equal(2, (await s.Roster.ListAsync(None)).Count);
    }
}
