using GiBot.Updates;

namespace GiBot.Tests.Updates;

/// <summary>Each server-side rule: the problem appears under its field in a re-rendered card that keeps what was typed.</summary>
public sealed class UpdateValidationTests : IAsyncLifetime
{
    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    public static TheoryData<string, string?, string, string> Rules() => new()
    {
        { "progress", "", "progress", "请填写工作进展" },
        { "progress", new string('进', 2001), "progress", "最多 2000 字，现有 2001 字" },
        { "problems", new string('问', 2001), "problems", "最多 2000 字" },
        { "nextSteps", new string('计', 2001), "nextSteps", "最多 2000 字" },
        { "status", "", "status", "请选择进展状态" },
        { "status", "差不多", "status", "请选择进展状态" },
        { "percent", "150", "percent", "0 到 100 之间的整数" },
        { "percent", "12.5", "percent", "0 到 100 之间的整数" },
        { "evidenceUrl", "ftp://example.gov.cn/file", "evidenceUrl", "http:// 或 https://" },
        { "evidenceUrl", "not a link", "evidenceUrl", "http:// 或 https://" },
        { "measure", "", "measure", "请选择要汇报的措施" },
        { "measure", "21", "measure", "分工方案共有 20 项措施" },
        { "measure", "2", "measure", "第 2 项措施不由您所在单位（执法稽查科）负责" },
        // A description with the box unticked would be dropped on submit, and nobody alerted.
        { "majorIssueDescription", "培训经费被挪用，需领导协调", "majorIssueDescription", "没有勾选“重大问题”" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_broken_field_is_marked_under_it_and_nothing_typed_is_lost(string field, string? value, string markedField, string expected)
    {
        var form = await _bot.SayAsync("汇报进展");
        var inputs = new Dictionary<string, string?>(UpdateDialogTests.Valid) { ["measure"] = "8", [field] = value };
        var again = await _bot.PressAsync(form, UpdateVerbs.Preview, inputs);

        Assert.Equal("PUT", again.Method);
        Assert.Contains(expected, again.ErrorUnder(markedField), StringComparison.Ordinal);
        Assert.True(again.HasAction(UpdateVerbs.Preview), "the card is the form again, not the preview");
        foreach (var id in new[] { "progress", "nextSteps", "evidenceUrl" }.Where(id => id != field))
        {
            Assert.Equal(inputs[id], again.Input(id)!["value"]!.GetValue<string>());
        }
        var otherErrors = new[] { "measure", "unit", "status", "percent", "progress", "problems", "nextSteps", "majorIssueDescription", "evidenceUrl" }
            .Where(id => id != markedField && again.ErrorUnder(id) is not null);
        Assert.Empty(otherErrors);
        Assert.Empty(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_major_issue_needs_its_description_and_then_goes_through()
    {
        var form = await _bot.SayAsync("汇报第8项");
        var again = await _bot.PressAsync(form, UpdateVerbs.Preview, new(UpdateDialogTests.Valid) { ["majorIssue"] = "true" });
        Assert.Contains("请说明问题的具体情况", again.ErrorUnder("majorIssueDescription"), StringComparison.Ordinal);
        Assert.Equal("true", again.Input("majorIssue")!["value"]!.GetValue<string>());

        var preview = await _bot.PressAsync(again, UpdateVerbs.Preview, new(UpdateDialogTests.Valid) { ["majorIssue"] = "true", ["majorIssueDescription"] = "发现跨省制假窝点" });
        Assert.Contains("发现跨省制假窝点", preview.CardText, StringComparison.Ordinal);
        await _bot.PressAsync(preview, UpdateVerbs.Submit);
        var update = Assert.Single(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
        Assert.True(update.Report.MajorIssue);
        Assert.Equal("发现跨省制假窝点", update.Report.MajorIssueDescription);
    }

    [Fact]
    public async Task Text_far_over_the_limit_comes_back_cut_to_it_in_a_card_Teams_accepts()
    {
        var form = await _bot.SayAsync("汇报第8项");
        var again = await _bot.PressAsync(form, UpdateVerbs.Preview, new(UpdateDialogTests.Valid) { ["progress"] = new string('进', 100_000) });

        Assert.Equal("PUT", again.Method);
        Assert.Contains("现有 100000 字", again.ErrorUnder("progress"), StringComparison.Ordinal);
        Assert.Equal(new string('进', 2000), again.Input("progress")!["value"]!.GetValue<string>());
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(again.RequireCard().ToJsonString()) < 28_000, "Teams refuses a message over about 28 KB");
    }

    [Fact]
    public async Task Several_problems_are_all_shown_at_once_in_English_for_an_English_card()
    {
        var form = await _bot.SayAsync("update 8");
        var again = await _bot.PressAsync(form, UpdateVerbs.Preview, new() { ["status"] = "", ["progress"] = "", ["evidenceUrl"] = "www.example.com" });
        Assert.Contains("Please choose a status", again.ErrorUnder("status"), StringComparison.Ordinal);
        Assert.Contains("Please describe the progress", again.ErrorUnder("progress"), StringComparison.Ordinal);
        Assert.Contains("must start with http:// or https://", again.ErrorUnder("evidenceUrl"), StringComparison.Ordinal);
        Assert.Equal("www.example.com", again.Input("evidenceUrl")!["value"]!.GetValue<string>());
    }
}
