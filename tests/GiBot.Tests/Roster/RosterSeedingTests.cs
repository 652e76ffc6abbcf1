using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Tests.Roster;

/// <summary>Roster:People applied at every start; mistakes stop the start with one message naming them.</summary>
public sealed class RosterSeedingTests
{
    [Fact]
    public async Task Configured_people_are_applied_and_an_email_only_person_waits_under_an_email_key()
    {
        await using var h = await RosterHarness.StartAsync(new()
        {
            ["Roster:People:2:Email"] = "Sun@Example.gov.cn",
            ["Roster:People:2:Units:0"] = "法规科",
            ["Roster:People:2:Units:1"] = "标准化科",
            ["Roster:People:2:Role"] = "head",
        });
        var entries = await h.Get<IRosterStore>().ListAsync(CancellationToken.None);
        Assert.Equal(["法规科", "标准化科"], entries.Where(e => e.PersonId == "email:sun@example.gov.cn").Select(e => e.UnitId).Order().Reverse());
        Assert.All(entries.Where(e => e.PersonId.StartsWith("email:", StringComparison.Ordinal)), e => Assert.Equal("head", e.Role));
        var liaison = await h.Get<IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None);
        Assert.Equal([new UnitMembership("执法稽查科", RosterRole.Liaison)], liaison!.Memberships);
    }

    [Fact]
    public async Task A_role_changed_in_configuration_is_applied_at_the_next_start_and_teams_additions_stay()
    {
        var database = Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db");
        await using (var first = await RosterHarness.StartAsync(new() { ["Storage:SqlitePath"] = database }))
        {
            await first.Get<IRosterStore>().UpsertAsync(new RosterEntry("00000000-0000-0000-0000-0000000000e1", "人事科", "member", "00000000-0000-0000-0000-0000000000e1", null, "周八"), CancellationToken.None);
        }
        await using var second = await RosterHarness.StartAsync(new() { ["Storage:SqlitePath"] = database, ["Roster:People:1:Role"] = "head" });
        var directory = second.Get<IRosterDirectory>();
        Assert.Equal(RosterRole.Head, Assert.Single((await directory.FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None))!.Memberships).Role);
        Assert.NotNull(await directory.FindAsync("00000000-0000-0000-0000-0000000000e1", CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_units_in_configuration_stop_the_start_with_one_error_naming_them()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => RosterHarness.StartAsync(new()
        {
            ["Roster:People:1:Units:0"] = "宣传科",
            ["Roster:People:1:Units:1"] = "后勤中心",
        }));
        var error = Innermost(e);
        Assert.Contains("Roster:People names unknown units: 宣传科, 后勤中心", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_without_an_id_or_with_a_bad_role_is_named()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => RosterHarness.StartAsync(new()
        {
            ["Roster:People:1:AadObjectId"] = "",
            ["Roster:People:1:Role"] = "boss",
        }));
        var error = Innermost(e);
        Assert.Contains("Roster:People:1 has neither AadObjectId nor Email", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown Role \"boss\"", error.Message, StringComparison.Ordinal);
    }

    private static Exception Innermost(Exception e)
    {
        while (e is not InvalidOperationException && e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e;
    }
}
