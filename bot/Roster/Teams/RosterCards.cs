using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Cards;
using GiBot.Roster.Units;

namespace GiBot.Roster.Teams;

/// <summary>Builds the roster's Adaptive Cards from the cards/roster-*.json templates.</summary>
public sealed class RosterCards(UnitCatalog units)
{
    private static readonly RosterRole[] JoinRoles = [RosterRole.Liaison, RosterRole.Member, RosterRole.Head];

    public static AdaptiveCard Card(string heading, string hint, IEnumerable<JsonNode> body, IEnumerable<JsonNode> actions, Language language) =>
        new(CardTemplate.Get("roster-card").FillObject(new CardValues()
            .Set("lang", MeasureCards.LangCode(language))
            .Set("heading", heading)
            .Set("hint", hint)
            .Set("body", body)
            .Set("actions", actions)));

    public static JsonNode Text(string text) => Fragment("roster-text", new CardValues().Set("text", text));

    public static JsonNode Group(string text) => Fragment("roster-group", new CardValues().Set("text", text));

    public static JsonNode Facts(IEnumerable<(string Title, string Value)> facts) =>
        Fragment("roster-facts", new CardValues().Set("facts", facts.Select(f => Fragment("roster-fact", new CardValues().Set("title", f.Title).Set("value", f.Value)))));

    public static JsonNode Action(string title, JsonObject data) =>
        Fragment("roster-action", new CardValues().Set("title", title).Set("data", data));

    /// <summary>"加入单位": pick a unit and a role, then send the request to the admins.</summary>
    public AdaptiveCard JoinPicker(Language language) => Card(
        language.Pick("申请加入单位", "Join a unit"),
        language.Pick("选择您所在的单位和角色，申请将发送给管理员审批。", "Choose your unit and role; the request goes to the administrators for approval."),
        [UnitInput(language, ""), RoleInput(language, JoinRoles, RosterRole.Liaison)],
        [Action(language.Pick("提交申请", "Send request"), RosterVerbs.Data(RosterVerbs.Join, language))],
        language);

    /// <summary>The admins' form under the roster list: add or change (same inputs) and remove.</summary>
    public IEnumerable<JsonNode> AdminForm(Language language) =>
    [
        Group(language.Pick("添加、修改或移除成员", "Add, change or remove a member")),
        Fragment("roster-text-input", new CardValues()
            .Set("id", "who")
            .Set("label", language.Pick("人员（邮箱、姓名或 aadObjectId）", "Person (email, name or aadObjectId)"))
            .Set("placeholder", language.Pick("例如 zhangsan@example.gov.cn", "e.g. zhangsan@example.gov.cn"))),
        UnitInput(language, ""),
        RoleInput(language, [RosterRole.Liaison, RosterRole.Member, RosterRole.Head, RosterRole.Admin], RosterRole.Liaison),
    ];

    public JsonNode UnitInput(Language language, string value) => Fragment("roster-choice-input", new CardValues()
        .Set("id", "unit")
        .Set("label", language.Pick("单位", "Unit"))
        .Set("error", language.Pick("请选择单位。", "Please choose a unit."))
        .Set("value", value)
        .Set("choices", units.Units.Select(u => Choice(language.Pick(u.Name, $"{u.NameEn} ({u.Name})"), u.Name))));

    private static JsonNode RoleInput(Language language, IEnumerable<RosterRole> roles, RosterRole value) => Fragment("roster-choice-input", new CardValues()
        .Set("id", "role")
        .Set("label", language.Pick("角色", "Role"))
        .Set("error", language.Pick("请选择角色。", "Please choose a role."))
        .Set("value", RosterRoles.Stored(value))
        .Set("choices", roles.Select(r => Choice(RosterRoles.Display(r, language), RosterRoles.Stored(r)))));

    private static JsonNode Choice(string title, string value) => Fragment("roster-choice", new CardValues().Set("title", title).Set("value", value));

    public static JsonObject Fragment(string template, CardValues values) => CardTemplate.Get(template).FillObject(values);
}
