using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Roster.Teams;

/// <summary>The admins' commands: list the roster, add a person to a unit with a role, remove, change a role.</summary>
public sealed class RosterAdmin(RosterDirectory directory, UnitCatalog units, IRosterStore roster, PersonResolver resolver, RosterCards cards)
{
    // Teams refuses cards over 28 KB; the text message always carries the whole roster.
    private const int MaxCardLines = 60;

    public async Task<OutgoingMessage> ListAsync(TurnContext turn, string? unitText, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (await RefusalAsync(turn, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var unit = unitText is null ? null : units.Resolve(unitText);
        if (unitText is not null && unit is null)
        {
            return RosterTexts.UnknownUnit(unitText, units, language);
        }
        var people = await directory.PeopleAsync(cancellationToken);
        var text = new List<string> { unit is null ? language.Pick("**成员名单**", "**Roster**") : $"**{language.Pick(unit.Name, unit.NameEn)}**" };
        var body = new List<System.Text.Json.Nodes.JsonNode>();
        var byUnit = people.SelectMany(p => p.Memberships.Select(m => (Person: p, m.UnitId, m.Role)))
            .Where(x => unit is null || x.UnitId == unit.Name)
            .GroupBy(x => x.UnitId)
            .OrderBy(g => units.Units.Select(u => u.Name).ToList().IndexOf(g.Key));
        foreach (var group in byUnit)
        {
            var heading = language.Pick(group.Key, units.Find(group.Key)?.NameEn ?? group.Key);
            text.Add("");
            text.Add($"**{heading}**");
            if (body.Count < MaxCardLines)
            {
                body.Add(RosterCards.Group(heading));
            }
            foreach (var (person, _, role) in group.OrderByDescending(x => x.Role))
            {
                var pending = EmailKeys.IsEmailKey(person.AadObjectId) ? language.Pick("（尚未在 Teams 中登录 GiBot）", " (has not written to GiBot yet)") : "";
                var line = $"{MarkdownText.Literal($"{RosterDirectory.DisplayName(person)}{(person.Email is { } e && person.Name is not null ? $" <{e}>" : "")}")} · {RosterRoles.Display(role, language)}{pending}";
                text.Add("- " + line);
                if (body.Count < MaxCardLines)
                {
                    body.Add(RosterCards.Text("• " + line));
                }
            }
        }
        if (body.Count >= MaxCardLines)
        {
            body.Add(RosterCards.Text(language.Pick("（名单较长，卡片只显示前一部分；完整名单见上方文字，或发送“成员列表 ××”按单位查看，××为单位名称。）",
                "(The roster is long: the card shows the first part; the full list is in the text, or send \"roster [unit]\" for one unit.)")));
        }
        if (body.Count == 0)
        {
            var none = language.Pick("名单中还没有成员。", "Nobody is on the roster yet.");
            text.Add(none);
            body.Add(RosterCards.Text(none));
        }
        body.AddRange(cards.AdminForm(language));
        var card = RosterCards.Card(language.Pick("成员名单", "Roster"),
            language.Pick("命令示例：添加 someone@example.gov.cn 到 执法稽查科 为 联络员；移除 张三 从 执法稽查科；把 张三 设为 负责人。",
                "Commands: add someone@example.gov.cn to Enforcement and Inspection Section as liaison; remove Zhang San from …; make Zhang San head."),
            body,
            [RosterCards.Action(language.Pick("添加或修改", "Add or change"), RosterVerbs.Data(RosterVerbs.Add, language)),
             RosterCards.Action(language.Pick("移除", "Remove"), RosterVerbs.Data(RosterVerbs.Remove, language))],
            language);
        return new OutgoingMessage(string.Join("\n", text), card);
    }

    public async Task<OutgoingMessage> AddAsync(TurnContext turn, string who, string unitText, string? roleText, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (await RefusalAsync(turn, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (units.Resolve(unitText) is not { } unit)
        {
            return RosterTexts.UnknownUnit(unitText, units, language);
        }
        var role = roleText is null ? RosterRole.Member : RosterRoles.Parse(roleText);
        if (role is null)
        {
            return UnknownRole(roleText!, language);
        }
        var lookup = await resolver.ResolveAsync(turn, who, cancellationToken);
        if (lookup.Target is not { } target)
        {
            return new OutgoingMessage(language.Pick(lookup.ProblemChinese!, lookup.ProblemEnglish!));
        }
        await roster.UpsertAsync(new RosterEntry(target.PersonId, unit.Name, RosterRoles.Stored(role.Value), target.AadObjectId, target.Email, target.Name), cancellationToken);
        var pending = target.AadObjectId is null
            ? language.Pick("此人首次给 GiBot 发消息时将自动关联其 Teams 账号。", " Their Teams account is linked when they first write to GiBot.")
            : "";
        return new OutgoingMessage(language.Pick(
            $"已将 {MarkdownText.Literal(target.Display)} 设为{unit.Name}的{RosterRoles.Display(role.Value, language)}。{pending}",
            $"{MarkdownText.Literal(target.Display)} is now {RosterRoles.Display(role.Value, language)} of {unit.NameEn}.{pending}"));
    }

    /// <summary>An admin's target: the person on the roster and, when named, the unit; otherwise what to say.</summary>
    private async Task<(RosterPerson? Person, Measures.Registry.Unit? Unit, OutgoingMessage? Problem)> TargetAsync(TurnContext turn, string who, string? unitText, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(turn, cancellationToken) is { } refusal)
        {
            return (null, null, refusal);
        }
        var found = await OnRosterAsync(turn, who, cancellationToken);
        if (found.Person is not { } person)
        {
            return (null, null, found.Problem!);
        }
        var unit = unitText is null ? null : units.Resolve(unitText);
        if (unitText is not null && unit is null)
        {
            return (null, null, RosterTexts.UnknownUnit(unitText, units, turn.Language));
        }
        return (person, unit, null);
    }

    public async Task<OutgoingMessage> RemoveAsync(TurnContext turn, string who, string? unitText, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (person, unit, problem) = await TargetAsync(turn, who, unitText, cancellationToken);
        if (person is null)
        {
            return problem!;
        }
        var removeFrom = unit is null ? person.UnitIds : person.UnitIds.Where(u => u == unit.Name).ToArray();
        if (removeFrom.Count == 0)
        {
            return new OutgoingMessage(language.Pick(
                $"{Shown(person)} 不在{unit!.Name}中（所在单位：{string.Join("、", person.UnitIds)}）。",
                $"{Shown(person)} is not in {unit!.NameEn} (their units: {string.Join(", ", person.UnitIds)})."));
        }
        foreach (var unitId in removeFrom)
        {
            await roster.RemoveAsync(person.AadObjectId, unitId, cancellationToken);
        }
        return new OutgoingMessage(language.Pick(
            $"已将 {Shown(person)} 从{string.Join("、", removeFrom)}移除。",
            $"Removed {Shown(person)} from {string.Join(", ", removeFrom.Select(u => units.Find(u)?.NameEn ?? u))}."));
    }

    public async Task<OutgoingMessage> ChangeRoleAsync(TurnContext turn, string who, string? unitText, RosterRole role, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (person, unit, problem) = await TargetAsync(turn, who, unitText, cancellationToken);
        if (person is null)
        {
            return problem!;
        }
        if (unit is null && person.UnitIds.Count > 1)
        {
            return new OutgoingMessage(language.Pick(
                $"{Shown(person)} 属于多个单位（{string.Join("、", person.UnitIds)}），请写明单位，例如“把 {Shown(person)} 在 {person.UnitIds[0]} 设为 {RosterRoles.Display(role, language)}”。",
                $"{Shown(person)} belongs to several units ({string.Join(", ", person.UnitIds)}); please name the unit, e.g. \"make {Shown(person)} {RosterRoles.Display(role, language)} of {person.UnitIds[0]}\"."));
        }
        var unitId = unit?.Name ?? person.UnitIds[0];
        if (!person.UnitIds.Contains(unitId))
        {
            return new OutgoingMessage(language.Pick(
                $"{Shown(person)} 不在{unitId}中。要加入请发送“添加 {Shown(person)} 到 {unitId} 为 {RosterRoles.Display(role, language)}”。",
                $"{Shown(person)} is not in {units.Find(unitId)?.NameEn ?? unitId}. To add them, send \"add {Shown(person)} to {units.Find(unitId)?.NameEn ?? unitId} as {RosterRoles.Display(role, language)}\"."));
        }
        var entry = (await roster.ListForPersonAsync(person.AadObjectId, cancellationToken)).First(e => e.UnitId == unitId);
        await roster.UpsertAsync(entry with { Role = RosterRoles.Stored(role) }, cancellationToken);
        return new OutgoingMessage(language.Pick(
            $"已将 {Shown(person)} 在{unitId}的角色改为{RosterRoles.Display(role, language)}。",
            $"{Shown(person)} is now {RosterRoles.Display(role, language)} of {units.Find(unitId)?.NameEn ?? unitId}."));
    }

    private async Task<(RosterPerson? Person, OutgoingMessage? Problem)> OnRosterAsync(TurnContext turn, string who, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var lookup = await resolver.ResolveAsync(turn, who, cancellationToken);
        if (lookup.Target is not { } target)
        {
            return (null, new OutgoingMessage(language.Pick(lookup.ProblemChinese!, lookup.ProblemEnglish!)));
        }
        var people = await directory.PeopleAsync(cancellationToken);
        var person = people.FirstOrDefault(p => string.Equals(p.AadObjectId, target.PersonId, StringComparison.OrdinalIgnoreCase)
            || (target.AadObjectId is not null && string.Equals(p.AadObjectId, target.AadObjectId, StringComparison.OrdinalIgnoreCase))
            || (target.Email is not null && string.Equals(p.Email, target.Email, StringComparison.OrdinalIgnoreCase)));
        return person is null
            ? (null, new OutgoingMessage(language.Pick($"{MarkdownText.Literal(target.Display)} 不在成员名单中。发送“成员列表”查看名单。", $"{MarkdownText.Literal(target.Display)} is not on the roster. Send \"roster\" to see it.")))
            : (person, null);
    }

    private async Task<OutgoingMessage?> RefusalAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var decision = await directory.CanAdministerAsync(turn.UserAadObjectId ?? "", cancellationToken);
        return decision.Allowed ? null : new OutgoingMessage(decision.Reason(turn.Language)!);
    }

    private static OutgoingMessage UnknownRole(string roleText, Language language) => new(language.Pick(
        $"不认识角色“{MarkdownText.Literal(roleText)}”。可用角色：成员、联络员、负责人、管理员。",
        $"I do not know the role \"{MarkdownText.Literal(roleText)}\". Roles: member, liaison, head, admin."));

    /// <summary>A person's name (or email) for a Markdown reply, shown as typed.</summary>
    private static string Shown(RosterPerson person) => MarkdownText.Literal(RosterDirectory.DisplayName(person));
}
