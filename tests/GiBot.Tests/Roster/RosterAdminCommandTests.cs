using System.Text.Json.Nodes;
using GiBot.Roster;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Roster;

/// <summary>Admins list, add, remove and change roles by text and card; everyone else is refused with the reason.</summary>
public sealed class RosterAdminCommandTests : IAsyncLifetime
{
    private const string Channel = "19:channel@thread.tacv2";
    private RosterHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await RosterHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private IRosterDirectory Directory => _h.Get<IRosterDirectory>();

    [Fact]
    public async Task The_roster_lists_seeded_people_by_unit_with_a_valid_admin_card()
    {
        var (text, card) = await _h.AskAsync(TeamsUser.Admin, "成员列表");
        Assert.Contains("王管理 · 管理员", text, StringComparison.Ordinal);
        Assert.Contains("李联络 · 联络员", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("知识产权保护科", StringComparison.Ordinal) < text.IndexOf("执法稽查科", StringComparison.Ordinal));
        AdaptiveCardSchema.AssertValid(card!, "roster list");
        Assert.Contains("roster.add", card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_admin_is_refused_every_admin_command_with_the_reason_and_the_admins()
    {
        foreach (var command in new[] { "成员列表", "添加 someone@example.gov.cn 到 人事科 为 联络员", "移除 王管理", "把 王管理 设为 成员" })
        {
            var (text, card) = await _h.AskAsync(TeamsUser.Liaison, command);
            Assert.Null(card);
            Assert.Contains("只有管理员", text, StringComparison.Ordinal);
            Assert.Contains("请联系管理员：王管理", text, StringComparison.Ordinal);
        }
        var (english, _) = await _h.AskAsync(TeamsUser.Stranger, "roster");
        Assert.Contains("Only administrators", english, StringComparison.Ordinal);
        Assert.Contains("王管理", english, StringComparison.Ordinal);
        var admin = await Directory.FindAsync(TeamsUser.Admin.Aad, CancellationToken.None);
        Assert.True(admin!.IsAdmin);
        Assert.Equal(2, (await _h.Get<RosterDirectory>().PeopleAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Adding_by_email_from_a_channel_resolves_the_member_through_the_connector()
    {
        _h.Connector.GetResponses[$"/v3/conversations/{Channel}/pagedmembers"] = """
            {"members":[{"id":"29:zhang","name":"张三","aadObjectId":"00000000-0000-0000-0000-0000000000e3","email":"zhangsan@example.gov.cn","userPrincipalName":"zhangsan@example.gov.cn"}]}
            """;
        var (text, _) = await _h.AskAsync(TeamsUser.Admin, "添加 zhangsan@example.gov.cn 到 人事科 为 联络员", Channel);
        Assert.Contains("已将 张三 设为人事科的联络员", text, StringComparison.Ordinal);
        var person = await Directory.FindAsync("00000000-0000-0000-0000-0000000000e3", CancellationToken.None);
        Assert.Equal([new UnitMembership("人事科", RosterRole.Liaison)], person!.Memberships);
        Assert.Contains(_h.Connector.Calls, c => c.Method == "GET" && c.Path.Contains("pagedmembers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adding_an_at_mention_uses_the_mention_entity()
    {
        var message = _h.Message(TeamsUser.Admin, "<at>GiBot</at> 添加 <at>赵六</at> 到 标准化科 为 负责人", Channel, "channel");
        message["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = "<at>GiBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:gibot-test", ["name"] = "GiBot" } },
            new JsonObject { ["type"] = "mention", ["text"] = "<at>赵六</at>", ["mentioned"] = new JsonObject { ["id"] = "29:zhao", ["name"] = "赵六", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000f6" } });
        var text = RosterHarness.Read(Assert.Single(await _h.SendAsync(message))).Text;
        Assert.Contains("赵六", text, StringComparison.Ordinal);
        var person = await Directory.FindAsync("00000000-0000-0000-0000-0000000000f6", CancellationToken.None);
        Assert.Equal([new UnitMembership("标准化科", RosterRole.Head)], person!.Memberships);
    }

    [Fact]
    public async Task An_email_not_in_the_conversation_is_kept_until_that_person_writes()
    {
        var (text, _) = await _h.AskAsync(TeamsUser.Admin, "add qian@example.gov.cn to the Personnel Section as liaison");
        Assert.Contains("is now liaison of Personnel Section", text, StringComparison.Ordinal);
        var newcomer = new TeamsUser("29:qian", "00000000-0000-0000-0000-0000000000b7", "钱七", "a:qian-chat");
        Assert.Null(await Directory.FindAsync(newcomer.Aad, CancellationToken.None));
        _h.Connector.GetResponses["/members/29:qian"] = """{"id":"29:qian","name":"钱七","aadObjectId":"00000000-0000-0000-0000-0000000000b7","email":"Qian@example.gov.cn"}""";

        var (mine, card) = await _h.AskAsync(newcomer, "我的措施");
        Assert.Contains("人事科", mine, StringComparison.Ordinal);
        AdaptiveCardSchema.AssertValid(card!, "my measures after email resolution");
        var person = await Directory.FindAsync(newcomer.Aad, CancellationToken.None);
        Assert.Equal([new UnitMembership("人事科", RosterRole.Liaison)], person!.Memberships);
        Assert.Equal("钱七", person.Name);
    }

    [Fact]
    public async Task Removing_and_changing_a_role_work_by_name()
    {
        var (changed, _) = await _h.AskAsync(TeamsUser.Admin, "把 李联络 设为 负责人");
        Assert.Contains("角色改为负责人", changed, StringComparison.Ordinal);
        Assert.Equal(RosterRole.Head, Assert.Single((await Directory.FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None))!.Memberships).Role);

        var (removed, _) = await _h.AskAsync(TeamsUser.Admin, "移除 李联络 从 执法稽查科");
        Assert.Contains("已将 李联络 从执法稽查科移除", removed, StringComparison.Ordinal);
        Assert.Null(await Directory.FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None));
    }

    [Fact]
    public async Task The_admin_card_form_adds_and_removes()
    {
        var (_, card) = await _h.AskAsync(TeamsUser.Admin, "成员列表");
        var add = card!["actions"]!.AsArray().Select(a => a!["data"]!.AsObject()).Single(d => d["verb"]!.GetValue<string>() == "roster.add");
        var data = (JsonObject)add.DeepClone();
        data["who"] = "00000000-0000-0000-0000-0000000000d4";
        data["unit"] = "温县市场监督管理局";
        data["role"] = "member";
        var added = RosterHarness.Read(Assert.Single(await _h.SendAsync(_h.Press(TeamsUser.Admin, data, "act-list")))).Text;
        Assert.Contains("温县市场监督管理局", added, StringComparison.Ordinal);
        Assert.NotNull(await Directory.FindAsync("00000000-0000-0000-0000-0000000000d4", CancellationToken.None));

        data["verb"] = "roster.remove";
        await _h.SendAsync(_h.Press(TeamsUser.Admin, data, "act-list"));
        Assert.Null(await Directory.FindAsync("00000000-0000-0000-0000-0000000000d4", CancellationToken.None));
    }

    [Fact]
    public async Task Bad_input_gets_a_precise_answer()
    {
        var (unit, _) = await _h.AskAsync(TeamsUser.Admin, "添加 someone@example.gov.cn 到 宣传科 为 联络员");
        Assert.Contains("找不到单位“宣传科”", unit, StringComparison.Ordinal);
        var (role, _) = await _h.AskAsync(TeamsUser.Admin, "添加 someone@example.gov.cn 到 人事科 为 队长");
        Assert.Contains("不认识角色“队长”", role, StringComparison.Ordinal);
        var (user, _) = await _h.AskAsync(TeamsUser.Admin, "移除 不存在的人");
        Assert.Contains("找不到“不存在的人”", user, StringComparison.Ordinal);
        Assert.Equal(2, (await _h.Get<RosterDirectory>().PeopleAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_long_roster_still_fits_a_valid_card_and_the_text_lists_everyone()
    {
        var extra = new Dictionary<string, string?>();
        for (var i = 2; i < 150; i++)
        {
            extra[$"Roster:People:{i}:Email"] = $"person{i}@example.gov.cn";
            extra[$"Roster:People:{i}:Units:0"] = i % 2 == 0 ? "人事科" : "孟州市市场监督管理局";
        }
        await using var h = await RosterHarness.StartAsync(extra);
        var (text, card) = await h.AskAsync(TeamsUser.Admin, "成员列表");
        Assert.Contains("person149@example.gov.cn", text, StringComparison.Ordinal);
        Assert.Contains("person2@example.gov.cn", text, StringComparison.Ordinal);
        AdaptiveCardSchema.AssertValid(card!, "long roster");
        Assert.Contains("名单较长", CardJson.Text(card!), StringComparison.Ordinal);
    }
}
