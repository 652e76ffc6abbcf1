namespace GiBot.Tests.Roster;

/// <summary>Names, emails and what an admin typed show as typed in the roster's replies: no italics, links or tags of their own.</summary>
public sealed class RosterMarkdownTests : IAsyncLifetime
{
    private const string Channel = "19:channel@thread.tacv2";
    private RosterHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await RosterHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_typed_unit_role_or_person_is_quoted_back_as_typed()
    {
        var (unit, _) = await _h.AskAsync(TeamsUser.Admin, "添加 someone@example.gov.cn 到 **宣传科** 为 联络员");
        Assert.Contains(@"找不到单位“\*\*宣传科\*\*”", unit, StringComparison.Ordinal);
        var (role, _) = await _h.AskAsync(TeamsUser.Admin, "添加 someone@example.gov.cn 到 人事科 为 _队长_");
        Assert.Contains(@"不认识角色“\_队长\_”", role, StringComparison.Ordinal);
        var (user, _) = await _h.AskAsync(TeamsUser.Admin, "移除 [某人](http://a)");
        Assert.Contains(@"找不到“[某人]\(http://a)”", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_named_with_markup_is_listed_as_named_with_the_email_not_made_a_link()
    {
        _h.Connector.GetResponses[$"/v3/conversations/{Channel}/pagedmembers"] = """
            {"members":[{"id":"29:zhang","name":"zhang_*san*","aadObjectId":"00000000-0000-0000-0000-0000000000e3","email":"zhangsan@example.gov.cn","userPrincipalName":"zhangsan@example.gov.cn"}]}
            """;
        var (added, _) = await _h.AskAsync(TeamsUser.Admin, "添加 zhangsan@example.gov.cn 到 人事科 为 联络员", Channel);
        Assert.Contains(@"已将 zhang\_\*san\* 设为人事科的联络员", added, StringComparison.Ordinal);

        var (text, card) = await _h.AskAsync(TeamsUser.Admin, "成员列表");

        Assert.Contains(@"- zhang\_\*san\* \<zhangsan@example.gov.cn> · 联络员", text, StringComparison.Ordinal);
        Assert.Contains(@"• zhang\_\*san\* \<zhangsan@example.gov.cn> · 联络员", GiBot.Tests.Cards.CardTexts.Of(card!));
    }
}
