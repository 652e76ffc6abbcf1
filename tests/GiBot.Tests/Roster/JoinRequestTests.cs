using System.Text.Json.Nodes;
using GiBot.Roster;
using GiBot.Storage;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Roster;

/// <summary>"我是执法稽查科的联络员" → a card in every admin's chat → approve/reject → the requester is told.</summary>
public sealed class JoinRequestTests : IAsyncLifetime
{
    private RosterHarness _h = null!;

    public async ValueTask InitializeAsync()
    {
        _h = await RosterHarness.StartAsync(seedLiaison: false);
        // The admin writes once, so GiBot has their 1:1 chat for proactive messages.
        await _h.AskAsync(TeamsUser.Admin, "成员列表");
    }

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_approved_request_reaches_the_admin_and_makes_the_requester_a_liaison()
    {
        var (adminCard, requesterText) = await RequestAsync("我是执法稽查科的联络员");
        Assert.Contains("王管理", requesterText, StringComparison.Ordinal);
        Assert.Contains("李联络", CardJson.Text(adminCard.Card), StringComparison.Ordinal);
        Assert.Contains("执法稽查科", CardJson.Text(adminCard.Card), StringComparison.Ordinal);

        var calls = await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(adminCard.Card, "批准"), adminCard.ActivityId), expected: 3);
        var update = Assert.Single(calls, c => c.Method == "PUT");
        Assert.Contains(adminCard.ActivityId, update.Path, StringComparison.Ordinal);
        var decided = RosterHarness.Read(update).Card!;
        AdaptiveCardSchema.AssertValid(decided, "decided request");
        Assert.Contains("已批准", CardJson.Text(decided), StringComparison.Ordinal);
        Assert.Empty(decided["actions"]!.AsArray());
        var told = Assert.Single(calls, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal));
        Assert.Contains("已获批准", RosterHarness.Read(told).Text, StringComparison.Ordinal);

        var person = await _h.Get<IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None);
        Assert.Equal([new UnitMembership("执法稽查科", RosterRole.Liaison)], person!.Memberships);
    }

    [Theory]
    [InlineData("我是人事科联络员", "人事科", "联络员")]
    [InlineData("我是人事科的科员", "人事科", "成员")]
    [InlineData("I'm the liaison of Wen County", "温县市场监督管理局", "联络员")]
    public async Task Everyday_phrasings_reach_the_admin_as_a_request(string text, string unit, string role)
    {
        var (adminCard, _) = await RequestAsync(text);
        Assert.Contains(unit, CardJson.Text(adminCard.Card), StringComparison.Ordinal);
        Assert.Contains(role, CardJson.Text(adminCard.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_request_tells_the_requester_and_stores_nothing()
    {
        var (adminCard, _) = await RequestAsync("I am the liaison of the Personnel Section");
        Assert.Contains("人事科", CardJson.Text(adminCard.Card), StringComparison.Ordinal);

        var calls = await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(adminCard.Card, "拒绝"), adminCard.ActivityId), expected: 3);
        Assert.Contains("已拒绝", CardJson.Text(RosterHarness.Read(Assert.Single(calls, c => c.Method == "PUT")).Card!), StringComparison.Ordinal);
        var told = RosterHarness.Read(Assert.Single(calls, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal))).Text;
        Assert.Contains("was not approved", told, StringComparison.Ordinal);
        Assert.Null(await _h.Get<IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None));
    }

    [Fact]
    public async Task English_join_messages_say_the_unit_and_the_role_with_their_articles()
    {
        var (adminCard, requesterText) = await RequestAsync("I am the head of the Personnel Section");
        Assert.Equal("Your request to become the head of the Personnel Section was sent to the administrators: 王管理. I will tell you the outcome.", requesterText);

        var calls = await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(adminCard.Card, "批准"), adminCard.ActivityId), expected: 3);
        var told = RosterHarness.Read(Assert.Single(calls, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal))).Text;
        Assert.StartsWith("Your request to join the Personnel Section was approved: you are now its head.", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_press_after_the_decision_changes_nothing()
    {
        var (adminCard, _) = await RequestAsync("我是执法稽查科的联络员");
        await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(adminCard.Card, "批准"), adminCard.ActivityId), expected: 3);
        var again = await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(adminCard.Card, "拒绝"), adminCard.ActivityId), expected: 2);
        Assert.Contains(again, c => RosterHarness.Read(c).Text.Contains("已由", StringComparison.Ordinal));
        Assert.DoesNotContain(again, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal));
        var person = await _h.Get<IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None);
        Assert.Equal(RosterRole.Liaison, Assert.Single(person!.Memberships).Role);
    }

    [Fact]
    public async Task Asking_again_for_the_same_role_sends_no_second_card()
    {
        await RequestAsync("我是执法稽查科的联络员");
        var before = _h.Connector.Sent.Count;
        var (text, card) = await _h.AskAsync(TeamsUser.Liaison, "我是执法稽查科联络员");
        Assert.Null(card);
        Assert.Contains("已申请成为执法稽查科的联络员", text, StringComparison.Ordinal);
        Assert.Contains("等待管理员（王管理）审批", text, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Equal(before + 1, _h.Connector.Sent.Count);
    }

    [Fact]
    public async Task A_request_for_another_role_replaces_the_pending_one_so_decisions_cannot_contradict()
    {
        var (first, _) = await RequestAsync("I am the head of the Personnel Section");
        var calls = await _h.SendAsync(_h.Message(TeamsUser.Liaison, "I am the liaison of 人事科"), expected: 3);
        var retired = Assert.Single(calls, c => c.Method == "PUT");
        Assert.EndsWith(first.ActivityId, retired.Path, StringComparison.Ordinal);
        var retiredCard = RosterHarness.Read(retired).Card!;
        AdaptiveCardSchema.AssertValid(retiredCard, "superseded request");
        Assert.Contains("已被新申请取代", CardJson.Text(retiredCard), StringComparison.Ordinal);
        Assert.Empty(retiredCard["actions"]!.AsArray());
        var second = Assert.Single(calls, c => c.Method == "POST" && c.Path.Contains(TeamsUser.Admin.Conversation, StringComparison.Ordinal));
        var secondId = "act-" + (_h.Connector.Sent.ToList().IndexOf(second) + 1);
        var told = RosterHarness.Read(Assert.Single(calls, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal))).Text;
        Assert.Contains("Your earlier request to become the head of the Personnel Section is replaced by this one.", told, StringComparison.Ordinal);
        Assert.Contains("Your request to become the liaison of the Personnel Section was sent", told, StringComparison.Ordinal);

        // The stale card, pressed anyway: nothing is approved and the requester hears nothing.
        var stale = await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(first.Card, "批准"), first.ActivityId), expected: 2);
        Assert.Contains(stale, c => RosterHarness.Read(c).Text.Contains("已被申请人的新申请取代", StringComparison.Ordinal));
        Assert.DoesNotContain(stale, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal));
        Assert.Null(await _h.Get<IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None));

        var rejected = await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(RosterHarness.Read(second).Card!, "拒绝"), secondId), expected: 3);
        var outcome = RosterHarness.Read(Assert.Single(rejected, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal))).Text;
        Assert.StartsWith("Sorry, your request to become the liaison of the Personnel Section was not approved", outcome, StringComparison.Ordinal);
        Assert.Null(await _h.Get<IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None));
    }

    [Fact]
    public async Task A_decision_on_someone_already_in_that_role_says_so_instead_of_rejecting()
    {
        var (adminCard, _) = await RequestAsync("我是执法稽查科的联络员");
        // Meanwhile an admin adds them directly.
        await _h.Get<IRosterStore>().UpsertAsync(new RosterEntry(TeamsUser.Liaison.Aad, "执法稽查科", "liaison", TeamsUser.Liaison.Aad, null, TeamsUser.Liaison.Name), CancellationToken.None);

        var calls = await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(adminCard.Card, "拒绝"), adminCard.ActivityId), expected: 3);
        Assert.Contains(calls, c => RosterHarness.Read(c).Text.Contains("李联络 已是执法稽查科的联络员", StringComparison.Ordinal));
        var told = RosterHarness.Read(Assert.Single(calls, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal))).Text;
        Assert.DoesNotContain("未获批准", told, StringComparison.Ordinal);
        Assert.Contains("您已是执法稽查科的联络员", told, StringComparison.Ordinal);
        var person = await _h.Get<IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None);
        Assert.Equal([new UnitMembership("执法稽查科", RosterRole.Liaison)], person!.Memberships);
    }

    [Fact]
    public async Task A_role_change_is_shown_to_the_admin_and_the_outcome_names_both_roles()
    {
        await _h.Get<IRosterStore>().UpsertAsync(new RosterEntry(TeamsUser.Liaison.Aad, "执法稽查科", "head", TeamsUser.Liaison.Aad, null, TeamsUser.Liaison.Name), CancellationToken.None);
        var (adminCard, _) = await RequestAsync("我是执法稽查科的联络员");
        Assert.Contains("负责人", CardJson.Text(adminCard.Card), StringComparison.Ordinal);

        var calls = await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(adminCard.Card, "拒绝"), adminCard.ActivityId), expected: 3);
        var told = RosterHarness.Read(Assert.Single(calls, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal))).Text;
        Assert.Contains("您仍是该单位的负责人", told, StringComparison.Ordinal);
        var person = await _h.Get<IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None);
        Assert.Equal([new UnitMembership("执法稽查科", RosterRole.Head)], person!.Memberships);
    }

    [Fact]
    public async Task A_non_admin_cannot_approve_and_is_told_whom_to_ask()
    {
        var (adminCard, _) = await RequestAsync("我是执法稽查科的联络员");
        var reply = Assert.Single(await _h.SendAsync(_h.Press(TeamsUser.Stranger, Button(adminCard.Card, "批准"), adminCard.ActivityId, TeamsUser.Stranger.Conversation)));
        var text = RosterHarness.Read(reply).Text;
        Assert.Contains("只有管理员", text, StringComparison.Ordinal);
        Assert.Contains("王管理", text, StringComparison.Ordinal);
        Assert.Null(await _h.Get<IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None));
    }

    [Fact]
    public async Task The_join_picker_card_sends_the_same_request()
    {
        var (text, picker) = await _h.AskAsync(TeamsUser.Liaison, "加入单位");
        Assert.Contains("我是××的联络员”（××为单位名称）", text, StringComparison.Ordinal);
        GiBot.Tests.Localization.VisiblePlaceholders.AssertShown(text);
        AdaptiveCardSchema.AssertValid(picker!, "join picker");
        Assert.Contains("知识产权维权保护中心", CardJson.Text(picker!), StringComparison.Ordinal);
        Assert.Contains("城乡一体化示范区分局", CardJson.Text(picker!), StringComparison.Ordinal);
        Assert.DoesNotContain("\"市局各有关科室\"", CardJson.Text(picker!), StringComparison.Ordinal);

        var data = Button(picker!, "提交申请");
        data["unit"] = "标准化科";
        data["role"] = "member";
        var calls = await _h.SendAsync(_h.Press(TeamsUser.Liaison, data, "act-picker"), expected: 2);
        var toAdmin = RosterHarness.Read(Assert.Single(calls, c => c.Path.Contains(TeamsUser.Admin.Conversation, StringComparison.Ordinal))).Card!;
        AdaptiveCardSchema.AssertValid(toAdmin, "request from picker");
        Assert.Contains("标准化科", CardJson.Text(toAdmin), StringComparison.Ordinal);
        Assert.Contains("成员", CardJson.Text(toAdmin), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_unit_is_explained_and_nothing_is_sent_to_admins()
    {
        var (text, card) = await _h.AskAsync(TeamsUser.Liaison, "我是宣传科的联络员");
        Assert.Null(card);
        Assert.Contains("找不到单位“宣传科”", text, StringComparison.Ordinal);
        Assert.Contains("加入单位", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_h.Connector.Sent, c => c.Path.Contains(TeamsUser.Admin.Conversation, StringComparison.Ordinal) && c.Json?["attachments"] is not null && RosterHarness.Read(c).Card!.ToJsonString().Contains("roster.approve", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_without_a_chat_is_named_to_the_requester()
    {
        await using var h = await RosterHarness.StartAsync(seedLiaison: false);
        var (text, _) = await h.AskAsync(TeamsUser.Liaison, "我是执法稽查科的联络员");
        Assert.Contains("王管理", text, StringComparison.Ordinal);
        Assert.Contains("尚未与 GiBot 建立个人聊天", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_two_admins_both_get_the_card_and_the_second_copy_is_updated_when_the_first_decides()
    {
        var second = new TeamsUser("29:admin2", "00000000-0000-0000-0000-0000000000a2", "陈管理", "a:admin2-chat");
        await using var h = await RosterHarness.StartAsync(new()
        {
            ["Roster:People:2:AadObjectId"] = second.Aad,
            ["Roster:People:2:Name"] = second.Name,
            ["Roster:People:2:Role"] = "admin",
        }, seedLiaison: false);
        await h.AskAsync(TeamsUser.Admin, "成员列表");
        await h.AskAsync(second, "成员列表");

        var calls = await h.SendAsync(h.Message(TeamsUser.Liaison, "我是执法稽查科的联络员"), expected: 3);
        var first = Assert.Single(calls, c => c.Path.Contains(TeamsUser.Admin.Conversation, StringComparison.Ordinal));
        var copy = Assert.Single(calls, c => c.Path.Contains(second.Conversation, StringComparison.Ordinal));
        var told = RosterHarness.Read(calls.Single(c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal))).Text;
        Assert.Contains("王管理", told, StringComparison.Ordinal);
        Assert.Contains("陈管理", told, StringComparison.Ordinal);
        var firstId = "act-" + (h.Connector.Sent.ToList().IndexOf(first) + 1);
        var copyId = "act-" + (h.Connector.Sent.ToList().IndexOf(copy) + 1);

        var decided = await h.SendAsync(h.Press(TeamsUser.Admin, Button(RosterHarness.Read(first).Card!, "批准"), firstId), expected: 4);
        var updatedCopy = Assert.Single(decided, c => c.Method == "PUT" && c.Path.Contains(second.Conversation, StringComparison.Ordinal));
        Assert.EndsWith(copyId, updatedCopy.Path, StringComparison.Ordinal);
        var card = RosterHarness.Read(updatedCopy).Card!;
        AdaptiveCardSchema.AssertValid(card, "other admin's decided copy");
        Assert.Contains("已批准", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Contains("王管理", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requester_named_with_markup_reaches_the_admin_as_named()
    {
        var marked = new TeamsUser("29:marked", "00000000-0000-0000-0000-0000000000a8", "zhang_*san*", "a:marked-chat");
        var calls = await _h.SendAsync(_h.Message(marked, "我是人事科的联络员"), expected: 2);
        var toAdmin = Assert.Single(calls, c => c.Path.Contains(TeamsUser.Admin.Conversation, StringComparison.Ordinal));
        var card = RosterHarness.Read(toAdmin).Card!;

        Assert.Contains(@"zhang\_\*san\*", CardTexts.Of(card));
        // The notification preview is plain text: the name as typed.
        Assert.StartsWith("加入申请：zhang_*san* 申请成为人事科的联络员", JsonNode.Parse(toAdmin.Body)!["summary"]!.GetValue<string>(), StringComparison.Ordinal);

        var activityId = "act-" + (_h.Connector.Sent.ToList().IndexOf(toAdmin) + 1);
        var decided = await _h.SendAsync(_h.Press(TeamsUser.Admin, Button(card, "批准"), activityId), expected: 3);
        var toDecider = Assert.Single(decided, c => c.Method == "POST" && c.Path.Contains(TeamsUser.Admin.Conversation, StringComparison.Ordinal));
        Assert.Contains(@"已批准：zhang\_\*san\* 现为人事科的联络员", RosterHarness.Read(toDecider).Text, StringComparison.Ordinal);
    }

    private async Task<((JsonObject Card, string ActivityId) AdminCard, string RequesterText)> RequestAsync(string text)
    {
        var calls = await _h.SendAsync(_h.Message(TeamsUser.Liaison, text), expected: 2);
        var toAdmin = Assert.Single(calls, c => c.Path.Contains(TeamsUser.Admin.Conversation, StringComparison.Ordinal));
        Assert.EndsWith("/activities", toAdmin.Path, StringComparison.Ordinal);
        var card = RosterHarness.Read(toAdmin).Card!;
        AdaptiveCardSchema.AssertValid(card, "join request");
        var requester = Assert.Single(calls, c => c.Path.Contains(TeamsUser.Liaison.Conversation, StringComparison.Ordinal));
        // The fake connector numbers activities in call order: the admin's card is the earlier one.
        var activityId = "act-" + (_h.Connector.Sent.ToList().IndexOf(toAdmin) + 1);
        return ((card, activityId), RosterHarness.Read(requester).Text);
    }

    private static JsonObject Button(JsonObject card, string title) =>
        card["actions"]!.AsArray().Select(a => a!.AsObject()).Single(a => a["title"]!.GetValue<string>() == title)["data"]!.AsObject();
}
