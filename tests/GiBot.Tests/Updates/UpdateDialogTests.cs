using GiBot.Updates;

namespace GiBot.Tests.Updates;

/// <summary>The update card dialog through the message endpoint: open, preview, edit, submit, cancel.</summary>
public sealed class UpdateDialogTests : IAsyncLifetime
{
    public static readonly Dictionary<string, string?> Valid = new()
    {
        ["status"] = "推进中",
        ["percent"] = "60",
        ["progress"] = "已完成专项检查3次",
        ["problems"] = "",
        ["nextSteps"] = "12月开展联合执法",
        ["majorIssue"] = "false",
        ["majorIssueDescription"] = "",
        ["evidenceUrl"] = "https://example.gov.cn/report.pdf",
    };

    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Reporting_progress_opens_a_card_offering_only_the_users_measures_with_the_unit_and_period_filled_in()
    {
        var form = await _bot.SayAsync("汇报进展");
        var choices = form.Input("measure")!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToArray();
        // 执法稽查科 also owns measure 20 as one of 市局各有关科室 (Roster:Groups in appsettings.json).
        Assert.Equal(["8", "9", "10", "20"], choices);
        Assert.Contains("**汇报单位**：执法稽查科", form.CardText, StringComparison.Ordinal);
        Assert.Contains("**汇报期**：2026-11", form.CardText, StringComparison.Ordinal);
        Assert.Null(form.Input("period"));
        Assert.Equal(["未启动", "推进中", "已完成", "受阻"], form.Input("status")!["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToArray());
        Assert.Equal("zh", form.RequireCard()["lang"]!.GetValue<string>());
        Assert.Contains("update 8 推进中 60%", form.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("update 8")]
    [InlineData("第8项汇报")]
    [InlineData("汇报第8项")]
    [InlineData("汇报第八项")]
    [InlineData("汇报 8")]
    [InlineData("我要报送第8项进展")]
    [InlineData("上报第八项进展")]
    [InlineData("report progress on measure 8")]
    [InlineData("submit progress for measure 8")]
    public async Task Each_way_of_asking_for_measure_8_opens_its_card(string text)
    {
        var form = await _bot.SayAsync(text);
        Assert.Null(form.Input("measure"));
        Assert.Contains(text.StartsWith("update", StringComparison.Ordinal) || text.StartsWith("report", StringComparison.Ordinal) || text.StartsWith("submit", StringComparison.Ordinal)
            ? "Measure 8" : "第 8 项措施", form.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_request_gets_English_labels_and_every_button_carries_the_language()
    {
        var form = await _bot.SayAsync("update 8");
        Assert.Equal("en", form.RequireCard()["lang"]!.GetValue<string>());
        Assert.Equal(["Not started", "In progress", "Completed", "Blocked"], form.Input("status")!["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToArray());
        Assert.Equal(["未启动", "推进中", "已完成", "受阻"], form.Input("status")!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToArray());
        Assert.Equal("Progress (required, up to 2000 characters)", form.Input("progress")!["label"]!.GetValue<string>());
        Assert.Equal("en-US", form.Action(UpdateVerbs.Preview)["data"]!["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_text_field_says_its_limit_before_it_is_hit_and_enforces_it()
    {
        var form = await _bot.SayAsync("汇报第8项");
        foreach (var id in new[] { "progress", "problems", "nextSteps", "majorIssueDescription" })
        {
            Assert.Contains("最多 2000 字", form.Input(id)!["label"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(2000, form.Input(id)!["maxLength"]!.GetValue<int>());
        }
        Assert.Equal(0, form.Input("percent")!["min"]!.GetValue<int>());
        Assert.Equal(100, form.Input("percent")!["max"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Preview_then_confirm_submits_once_and_replaces_the_card_with_a_receipt(bool execute)
    {
        var form = await _bot.SayAsync("汇报进展");
        var preview = await _bot.PressAsync(form, UpdateVerbs.Preview, new(Valid) { ["measure"] = "9" }, execute: execute);
        Assert.Equal(execute ? "invoke" : "PUT", preview.Method);
        Assert.Contains("请确认进展汇报", preview.CardText, StringComparison.Ordinal);
        Assert.Contains("已完成专项检查3次", preview.CardText, StringComparison.Ordinal);
        Assert.True(preview.HasAction(UpdateVerbs.Edit) && preview.HasAction(UpdateVerbs.Cancel));
        Assert.Empty(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));

        var receipt = await _bot.PressAsync(preview, UpdateVerbs.Submit, execute: execute);
        Assert.Equal(execute ? "invoke" : "PUT", receipt.Method);
        Assert.Contains("进展汇报已提交", receipt.CardText, StringComparison.Ordinal);
        Assert.True(receipt.HasAction(UpdateVerbs.Correct));
        Assert.DoesNotContain(receipt.RequireCard()["body"]!.AsArray(), n => n!["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal));
        var update = Assert.Single(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
        Assert.Equal((9, "执法稽查科", "2026-11", "推进中", 60), (update.Report.Measure, update.Report.UnitId, update.Report.Period, update.Report.Status, update.Report.PercentComplete));
        Assert.Equal("https://example.gov.cn/report.pdf", update.Report.EvidenceUrl);
        Assert.Equal(People.Inspector.AadObjectId, update.SubmittedBy.AadObjectId);
    }

    [Fact]
    public async Task Back_to_edit_keeps_everything_typed()
    {
        var form = await _bot.SayAsync("汇报第8项");
        var preview = await _bot.PressAsync(form, UpdateVerbs.Preview, Valid);
        var edit = await _bot.PressAsync(preview, UpdateVerbs.Edit);
        Assert.Equal("已完成专项检查3次", edit.Input("progress")!["value"]!.GetValue<string>());
        Assert.Equal("推进中", edit.Input("status")!["value"]!.GetValue<string>());
        Assert.Equal(60, edit.Input("percent")!["value"]!.GetValue<int>());
        Assert.Equal("12月开展联合执法", edit.Input("nextSteps")!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_at_any_step_deletes_the_draft_and_submits_nothing()
    {
        var form = await _bot.SayAsync("汇报第8项");
        var preview = await _bot.PressAsync(form, UpdateVerbs.Preview, Valid);
        var cancelled = await _bot.PressAsync(preview, UpdateVerbs.Cancel);
        Assert.Contains("已取消", cancelled.CardText, StringComparison.Ordinal);
        var late = await _bot.PressAsync(preview, UpdateVerbs.Submit);
        Assert.Contains("已失效", late.Text, StringComparison.Ordinal);
        Assert.Empty(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
        var again = await _bot.SayAsync("汇报进展");
        Assert.NotNull(again.Input("measure"));
    }

    [Fact]
    public async Task A_user_of_two_units_chooses_the_unit()
    {
        var form = await _bot.SayAsync("汇报第8项", People.TwoUnits);
        // Plan order (执法稽查科 is named before 反不正当竞争科), not the storage order, which sorts the other way.
        Assert.Equal(["执法稽查科", "反不正当竞争科"], form.Input("unit")!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToArray());
        var missing = await _bot.PressAsync(form, UpdateVerbs.Preview, Valid, People.TwoUnits);
        Assert.Contains("请选择汇报单位", missing.ErrorUnder("unit"), StringComparison.Ordinal);
        var preview = await _bot.PressAsync(missing, UpdateVerbs.Preview, new(Valid) { ["unit"] = "反不正当竞争科" }, People.TwoUnits);
        await _bot.PressAsync(preview, UpdateVerbs.Submit, who: People.TwoUnits);
        Assert.Equal("反不正当竞争科", Assert.Single(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken)).Report.UnitId);
    }

    [Fact]
    public async Task Only_an_admin_may_change_the_period()
    {
        var form = await _bot.SayAsync("汇报第8项", People.Admin);
        Assert.Equal("2026-11", form.Input("period")!["value"]!.GetValue<string>());
        var preview = await _bot.PressAsync(form, UpdateVerbs.Preview, new(Valid) { ["period"] = "2026-10", ["unit"] = "知识产权保护科" }, People.Admin);
        await _bot.PressAsync(preview, UpdateVerbs.Submit, who: People.Admin);

        var memberForm = await _bot.SayAsync("汇报第8项");
        var memberPreview = await _bot.PressAsync(memberForm, UpdateVerbs.Preview, new(Valid) { ["period"] = "2026-10" });
        await _bot.PressAsync(memberPreview, UpdateVerbs.Submit);
        var periods = (await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken)).ToDictionary(u => u.Report.UnitId, u => u.Report.Period);
        Assert.Equal("2026-10", periods["知识产权保护科"]);
        Assert.Equal("2026-11", periods["执法稽查科"]);
    }

    [Fact]
    public async Task The_period_follows_the_configured_quarterly_cycle()
    {
        await using var bot = await UpdateBot.StartAsync(settings: new() { ["Reminders:Default:Cycle"] = "Quarterly" });
        var form = await bot.SayAsync("汇报第8项");
        Assert.Contains("**汇报期**：2026-Q4", form.CardText, StringComparison.Ordinal);
    }
}
