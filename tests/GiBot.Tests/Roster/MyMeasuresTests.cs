using System.Text.RegularExpressions;
using GiBot.Storage;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Roster;

/// <summary>"我的措施" / "my measures": the measures of the user's units and their latest status.</summary>
public sealed partial class MyMeasuresTests : IAsyncLifetime
{
    private static readonly TeamsUser Bureau = new("29:wen", "00000000-0000-0000-0000-0000000000c1", "温县联络员", "a:wen-chat");

    /// <summary>In a county bureau, which owns all 20 measures, and in 知识产权保护科, which owns 18.</summary>
    private static readonly TeamsUser TwoUnits = new("29:two", "00000000-0000-0000-0000-0000000000c2", "两单位联络员", "a:two-chat");
    private RosterHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await RosterHarness.StartAsync(new()
    {
        ["Roster:People:2:AadObjectId"] = Bureau.Aad,
        ["Roster:People:2:Units:0"] = "温县市场监督管理局",
        ["Roster:People:2:Role"] = "liaison",
        ["Roster:People:3:AadObjectId"] = TwoUnits.Aad,
        ["Roster:People:3:Units:0"] = "知识产权保护科",
        ["Roster:People:3:Units:1"] = "温县市场监督管理局",
        ["Roster:People:3:Role"] = "liaison",
    });

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_liaison_of_the_enforcement_section_sees_8_9_10_and_the_collective_measure_20()
    {
        var (text, card) = await _h.AskAsync(TeamsUser.Liaison, "我的措施");
        Assert.Equal([8, 9, 10, 20], Numbers(text));
        Assert.Contains("执法稽查科（联络员）", text, StringComparison.Ordinal);
        Assert.Contains("尚无进展报送", text, StringComparison.Ordinal);
        AdaptiveCardSchema.AssertValid(card!, "my measures (enforcement)");
        Assert.Equal(4, Regex.Count(card!.ToJsonString(), "measure.show"));
    }

    [Fact]
    public async Task The_latest_status_is_shown_once_an_update_exists()
    {
        var report = new ProgressReport(9, "执法稽查科", "2026-Q3", "进行中", 60, "已开展专项检查", null, null, false, null, null);
        await _h.Get<IProgressUpdateStore>().SubmitAsync(report, new Submitter(TeamsUser.Liaison.Aad, TeamsUser.Liaison.Name), "k-1", [], CancellationToken.None);
        var (text, card) = await _h.AskAsync(TeamsUser.Liaison, "my measures");
        Assert.Contains("Latest update (2026-Q3): 进行中 60%", text, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(text, "No update yet"));
        AdaptiveCardSchema.AssertValid(card!, "my measures with status");
        Assert.Equal("en", card!["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_county_bureau_sees_the_measures_shared_with_county_bureaus()
    {
        var (text, card) = await _h.AskAsync(Bureau, "我的措施");
        var expected = _h.Get<GiBot.Measures.Registry.MeasureRegistry>().Measures.Where(m => m.SharedWithCountyBureaus).Select(m => m.Number).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Numbers(text));
        AdaptiveCardSchema.AssertValid(card!, "my measures (county bureau)");
    }

    [Fact]
    public async Task Two_units_owning_every_measure_list_the_first_and_say_how_to_see_the_second_within_Teams_limit()
    {
        var store = _h.Get<IProgressUpdateStore>();
        var units = _h.Get<GiBot.Roster.Units.UnitCatalog>();
        var ip = units.MeasuresOwnedBy("知识产权保护科").Select(m => m.Number).ToArray();
        Assert.Equal(18, ip.Length);
        foreach (var unit in new[] { "知识产权保护科", "温县市场监督管理局" })
        {
            foreach (var measure in units.MeasuresOwnedBy(unit))
            {
                var report = new ProgressReport(measure.Number, unit, "2026-11", "推进中", 60, "已开展专项检查", null, null, false, null, null);
                await store.SubmitAsync(report, new Submitter(TwoUnits.Aad, TwoUnits.Name), $"k-{unit}-{measure.Number}", [], CancellationToken.None);
            }
        }

        var (text, card) = await _h.AskAsync(TwoUnits, "我的措施");

        // The roster keeps a person's units in name order: the county bureau comes first.
        Assert.Equal(Enumerable.Range(1, 20), Numbers(text));
        Assert.Contains("**知识产权保护科（联络员）**\n负责 18 项措施，此处未逐项列出。发送“我的措施 知识产权保护科”查看各项措施及其最新进展。", text, StringComparison.Ordinal);
        AdaptiveCardSchema.AssertValid(card!, "my measures (two units)");
        Assert.InRange(2L * _h.Connector.Sent[^1].Body.Length, 0, 80 * 1024);
        var button = Assert.Single(card!["actions"]!.AsArray())!;
        Assert.Equal("查看知识产权保护科的措施", button["title"]!.GetValue<string>());

        var (pressed, _) = RosterHarness.Read(Assert.Single(await _h.SendAsync(_h.Press(TwoUnits, button["data"]!.AsObject(), "card-1"))));
        Assert.Equal(ip, Numbers(pressed));
        Assert.DoesNotContain("温县市场监督管理局（联络员）", pressed, StringComparison.Ordinal);
        var (typed, _) = await _h.AskAsync(TwoUnits, "我的措施 知保科");
        Assert.Equal(pressed, typed);

        var (english, englishCard) = await _h.AskAsync(TwoUnits, "my measures");
        Assert.Contains("18 measures, not listed here. Send \"my measures IP Protection Section\" to see them with their latest updates.", english, StringComparison.Ordinal);
        AdaptiveCardSchema.AssertValid(englishCard!, "my measures (two units, English)");
        Assert.InRange(2L * _h.Connector.Sent[^1].Body.Length, 0, 80 * 1024);
    }

    [Fact]
    public async Task A_unit_that_is_not_ones_own_is_answered_with_ones_units()
    {
        var (text, card) = await _h.AskAsync(Bureau, "我的措施 执法稽查科");
        Assert.Null(card);
        Assert.Equal("“执法稽查科”不是您所在的单位。您所在的单位：温县市场监督管理局。发送“我的措施”查看全部。", text);
    }

    [Fact]
    public async Task Someone_not_on_the_roster_is_told_how_to_join_and_who_the_admins_are()
    {
        var (text, card) = await _h.AskAsync(TeamsUser.Stranger, "我的措施");
        Assert.Null(card);
        Assert.Contains("还不在 GiBot 的成员名单中", text, StringComparison.Ordinal);
        Assert.Contains("我是××的联络员", text, StringComparison.Ordinal);
        GiBot.Tests.Localization.VisiblePlaceholders.AssertShown(text);
        Assert.Contains("王管理", text, StringComparison.Ordinal);
    }

    private static int[] Numbers(string text) =>
        MeasureNumber().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [GeneratedRegex(@"\*\*(\d+)\.\*\*")]
    private static partial Regex MeasureNumber();
}
