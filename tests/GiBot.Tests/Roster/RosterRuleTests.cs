using GiBot.Roster;

namespace GiBot.Tests.Roster;

/// <summary>The rules of issue 5 point 4, each allowed and refused, against the real bot's directory and store.</summary>
public sealed class RosterRuleTests : IAsyncLifetime
{
    private static readonly TeamsUser Head = new("29:head", "00000000-0000-0000-0000-0000000000d1", "赵科长", "a:head-chat");
    private static readonly TeamsUser Bureau = new("29:wen", "00000000-0000-0000-0000-0000000000c1", "温县联络员", "a:wen-chat");
    private RosterHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await RosterHarness.StartAsync(new()
    {
        ["Roster:People:2:AadObjectId"] = Head.Aad,
        ["Roster:People:2:Name"] = Head.Name,
        ["Roster:People:2:Units:0"] = "人事科",
        ["Roster:People:2:Role"] = "head",
        ["Roster:People:3:AadObjectId"] = Bureau.Aad,
        ["Roster:People:3:Units:0"] = "温县市场监督管理局",
        ["Roster:People:3:Role"] = "member",
    });

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private IRosterDirectory Directory => _h.Get<IRosterDirectory>();

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_liaison_reports_for_measures_their_unit_owns_only()
    {
        Assert.True((await Directory.CanReportAsync(TeamsUser.Liaison.Aad, 8, "执法稽查科", None)).Allowed);
        Assert.True((await Directory.CanReportAsync(TeamsUser.Liaison.Aad, 20, "执法稽查科", None)).Allowed);

        var notOwned = await Directory.CanReportAsync(TeamsUser.Liaison.Aad, 1, "执法稽查科", None);
        Assert.False(notOwned.Allowed);
        Assert.Contains("不是第 1 项措施的责任单位", notOwned.ReasonChinese, StringComparison.Ordinal);
        Assert.Contains("王管理", notOwned.ReasonChinese, StringComparison.Ordinal);
        Assert.Contains("not responsible for measure 1", notOwned.ReasonEnglish, StringComparison.Ordinal);

        var otherUnit = await Directory.CanReportAsync(TeamsUser.Liaison.Aad, 8, "反不正当竞争科", None);
        Assert.False(otherUnit.Allowed);
        Assert.Contains("您不是反不正当竞争科的成员", otherUnit.ReasonChinese, StringComparison.Ordinal);
        Assert.Contains("王管理", otherUnit.ReasonEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_bureau_member_reports_for_shared_measures_as_their_own_bureau()
    {
        Assert.True((await Directory.CanReportAsync(Bureau.Aad, 12, "温县市场监督管理局", None)).Allowed);
        Assert.False((await Directory.CanReportAsync(Bureau.Aad, 12, "孟州市市场监督管理局", None)).Allowed);
    }

    [Fact]
    public async Task An_admin_reports_for_any_measure_and_any_responsible_unit_but_not_for_a_unit_that_does_not_own_it()
    {
        Assert.True((await Directory.CanReportAsync(TeamsUser.Admin.Aad, 8, "反不正当竞争科", None)).Allowed);
        Assert.True((await Directory.CanReportAsync(TeamsUser.Admin.Aad, 16, "人事科", None)).Allowed);
        Assert.False((await Directory.CanReportAsync(TeamsUser.Admin.Aad, 16, "执法稽查科", None)).Allowed);
        Assert.False((await Directory.CanReportAsync(TeamsUser.Admin.Aad, 21, "人事科", None)).Allowed);
        var reportable = await Directory.ReportableMeasuresAsync(TeamsUser.Admin.Aad, None);
        Assert.Equal(Enumerable.Range(1, 20), reportable.Select(r => r.Measure));
        Assert.Contains("温县市场监督管理局", reportable.Single(r => r.Measure == 8).UnitIds);
        Assert.Contains("反不正当竞争科", reportable.Single(r => r.Measure == 8).UnitIds);
        Assert.DoesNotContain("人事科", reportable.Single(r => r.Measure == 8).UnitIds);
    }

    [Fact]
    public async Task Reportable_measures_of_a_liaison_are_their_units_measures()
    {
        var reportable = await Directory.ReportableMeasuresAsync(TeamsUser.Liaison.Aad, None);
        Assert.Equal([8, 9, 10, 20], reportable.Select(r => r.Measure));
        Assert.All(reportable, r => Assert.Equal(["执法稽查科"], r.UnitIds));
        Assert.Empty(await Directory.ReportableMeasuresAsync(TeamsUser.Stranger.Aad, None));
    }

    [Fact]
    public async Task Only_admins_administer()
    {
        Assert.True((await Directory.CanAdministerAsync(TeamsUser.Admin.Aad, None)).Allowed);
        foreach (var user in new[] { TeamsUser.Liaison, Head, TeamsUser.Stranger })
        {
            var refused = await Directory.CanAdministerAsync(user.Aad, None);
            Assert.False(refused.Allowed);
            Assert.Contains("请联系管理员：王管理", refused.ReasonChinese, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_admin_known_only_by_an_object_id_is_not_named_to_colleagues()
    {
        await using var h = await RosterHarness.StartAsync(new()
        {
            ["Roster:People:0:Name"] = null,
            ["Roster:People:0:Email"] = null,
        });
        var directory = h.Get<IRosterDirectory>();
        var refused = await directory.CanAdministerAsync(TeamsUser.Liaison.Aad, None);
        Assert.False(refused.Allowed);
        Assert.Contains("请联系知识产权保护科的管理员", refused.ReasonChinese, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsUser.Admin.Aad, refused.ReasonChinese, StringComparison.Ordinal);
        Assert.Contains("administrator of the IP Protection Section", refused.ReasonEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heads_and_admins_see_every_unit_others_only_their_own()
    {
        Assert.True((await Directory.CanSeeUnitAsync(Head.Aad, "执法稽查科", None)).Allowed);
        Assert.True((await Directory.CanSeeUnitAsync(TeamsUser.Admin.Aad, "温县市场监督管理局", None)).Allowed);
        Assert.True((await Directory.CanSeeUnitAsync(TeamsUser.Liaison.Aad, "执法稽查科", None)).Allowed);
        var refused = await Directory.CanSeeUnitAsync(TeamsUser.Liaison.Aad, "人事科", None);
        Assert.False(refused.Allowed);
        Assert.Contains("仅对该单位、负责人和管理员可见", refused.ReasonChinese, StringComparison.Ordinal);
        var stranger = await Directory.CanSeeUnitAsync(TeamsUser.Stranger.Aad, "执法稽查科", None);
        Assert.False(stranger.Allowed);
        Assert.Contains("我是××的联络员”（××为单位名称", stranger.ReasonChinese, StringComparison.Ordinal);
        GiBot.Tests.Localization.VisiblePlaceholders.AssertShown(stranger.ReasonChinese);
        Assert.Contains("I am the liaison of [unit]", stranger.ReasonEnglish, StringComparison.Ordinal);
        GiBot.Tests.Localization.VisiblePlaceholders.AssertShown(stranger.ReasonEnglish);
        Assert.Contains("not on GiBot's roster", stranger.ReasonEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_and_unit_members_are_listed()
    {
        Assert.Equal([TeamsUser.Admin.Aad], (await Directory.AdminsAsync(None)).Select(a => a.AadObjectId));
        Assert.Equal([Head.Aad], (await Directory.MembersOfUnitAsync("人事科", [RosterRole.Head], None)).Select(p => p.AadObjectId));
        Assert.Empty(await Directory.MembersOfUnitAsync("人事科", [RosterRole.Liaison], None));
        Assert.Equal([TeamsUser.Liaison.Aad], (await Directory.MembersOfUnitAsync("执法稽查科", null, None)).Select(p => p.AadObjectId));
    }

    [Fact]
    public async Task Without_admins_refusals_point_to_the_ip_protection_section()
    {
        await using var h = await RosterHarness.StartAsync(new()
        {
            ["Roster:People:0:Role"] = "member",
        });
        var refused = await h.Get<IRosterDirectory>().CanAdministerAsync(TeamsUser.Admin.Aad, None);
        Assert.Contains("请联系知识产权保护科", refused.ReasonChinese, StringComparison.Ordinal);
        Assert.Contains("IP Protection Section", refused.ReasonEnglish, StringComparison.Ordinal);
    }
}
