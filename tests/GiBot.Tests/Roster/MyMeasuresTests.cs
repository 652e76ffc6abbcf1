using System.Text.RegularExpressions;
using GiBot.Storage;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Roster;

/// <summary>"我的措施" / "my measures": the measures of the user's units and their latest status.</summary>
public sealed partial class MyMeasuresTests : IAsyncLifetime
{
    private static readonly TeamsUser Bureau = new("29:wen", "00000000-0000-0000-0000-0000000000c1", "温县联络员", "a:wen-chat");
    private RosterHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await RosterHarness.StartAsync(new()
    {
        ["Roster:People:2:AadObjectId"] = Bureau.Aad,
        ["Roster:People:2:Units:0"] = "温县市场监督管理局",
        ["Roster:People:2:Role"] = "liaison",
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
    public async Task Someone_not_on_the_roster_is_told_how_to_join_and_who_the_admins_are()
    {
        var (text, card) = await _h.AskAsync(TeamsUser.Stranger, "我的措施");
        Assert.Null(card);
        Assert.Contains("还不在 GiBot 的成员名单中", text, StringComparison.Ordinal);
        Assert.Contains("我是<单位>的联络员", text, StringComparison.Ordinal);
        Assert.Contains("王管理", text, StringComparison.Ordinal);
    }

    private static int[] Numbers(string text) =>
        MeasureNumber().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [GeneratedRegex(@"\*\*(\d+)\.\*\*")]
    private static partial Regex MeasureNumber();
}
