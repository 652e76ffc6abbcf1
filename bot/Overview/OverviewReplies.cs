using System.Globalization;
using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Overview.Links;
using GiBot.Protocol.Turns;
using GiBot.Roster.Units;

namespace GiBot.Overview;

/// <summary>The overview's answers, shared by typed commands and card buttons. Every answer checks access first.</summary>
public sealed class OverviewReplies(OverviewAccess access, OverviewBuilder builder, OverviewCards cards, UnitCatalog units, SignedLinks links)
{
    public async Task<OutgoingMessage> ShowAsync(TurnContext turn, string? filter, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (await RefuseAsync(turn, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        filter = filter?.Trim();
        if (string.IsNullOrEmpty(filter))
        {
            var all = await builder.BuildAsync(null, cancellationToken);
            return new OutgoingMessage(cards.Summary(all, language), cards.Plan(all, language));
        }
        if (MeasureNumber(filter) is { } number)
        {
            var all = await builder.BuildAsync(null, cancellationToken);
            if (all.Measures.FirstOrDefault(m => m.Measure.Number == number) is not { } measure)
            {
                return new OutgoingMessage(language.Pick("分工方案只有第 1 至 20 项措施，请换一个序号，例如「总览 8」。", "The plan has measures 1 to 20; try another number, e.g. \"overview 8\"."));
            }
            return new OutgoingMessage(cards.Summary(all, language), cards.Measure(all, measure, language));
        }
        if (ResolveUnit(filter) is not { } unit)
        {
            return new OutgoingMessage(language.Pick(
                $"没有找到名为「{MarkdownText.Literal(filter)}」的单位。可以写科室或县（市）区局的名称，例如「总览 温县」「总览 执法稽查科」，或在总览卡片中选择单位。",
                $"I could not find a unit called \"{MarkdownText.Literal(filter)}\". Name a section or county/district bureau, e.g. \"overview Wen County\", or pick one on the overview card."));
        }
        var one = await builder.BuildAsync(unit, cancellationToken);
        if (one.Measures.Count == 0)
        {
            return new OutgoingMessage(language.Pick($"分工方案没有列明{unit.Name}负责的措施。", $"The plan names no measure for {unit.Name} ({unit.NameEn})."));
        }
        return new OutgoingMessage(cards.Summary(one, language), cards.Unit(one, language));
    }

    public async Task<OutgoingMessage> MissingAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(turn, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var all = await builder.BuildAsync(null, cancellationToken);
        return new OutgoingMessage(OverviewCards.MissingSummary(all, turn.Language), cards.Missing(all, turn.Language));
    }

    public Task<OutgoingMessage> ExportAsync(TurnContext turn, bool xlsx, CancellationToken cancellationToken)
    {
        var kind = xlsx ? "XLSX" : "CSV";
        return LinkAsync(turn, (baseUrl, user) => links.LedgerAsync(baseUrl, xlsx, user, cancellationToken), links.FileLinkLifetime, (url, minutes, language) =>
        {
            var hint = language.Pick($"下载链接 {minutes} 分钟内有效，有效期内持有链接即可下载，请勿转发；过期后请重新发送「导出」。", $"The link works for {minutes} minutes for anyone who has it, so please do not forward it; after that, send \"export\" again.");
            return new OutgoingMessage(
                language.Pick($"督办台账（{kind}）已生成：[下载]({url})。{hint}", $"The ledger ({kind}) is ready: [download]({url}). {hint}"),
                OverviewCards.Link(language.Pick($"督办台账（{kind}）", $"Supervision ledger ({kind})"), hint, language.Pick("下载", "Download"), url, language));
        }, cancellationToken);
    }

    public Task<OutgoingMessage> DashboardAsync(TurnContext turn, CancellationToken cancellationToken) =>
        LinkAsync(turn, (baseUrl, user) => links.DashboardAsync(baseUrl, user, turn.Language, cancellationToken), links.DashboardLinkLifetime, (url, minutes, language) =>
        {
            var hint = language.Pick($"看板链接 {minutes} 分钟内有效，有效期内持有链接即可打开，请勿转发；过期后请重新发送「看板」。", $"The link works for {minutes} minutes for anyone who has it, so please do not forward it; after that, send \"dashboard\" again.");
            return new OutgoingMessage(
                language.Pick($"进度看板：[打开]({url})。{hint}", $"Progress dashboard: [open]({url}). {hint}"),
                OverviewCards.Link(language.Pick("进度看板", "Progress dashboard"), hint, language.Pick("打开看板", "Open dashboard"), url, language));
        }, cancellationToken);

    /// <summary>A signed link for the user: access checked, the base URL captured while the request is at hand.</summary>
    private async Task<OutgoingMessage> LinkAsync(TurnContext turn, Func<string, string, Task<string>> sign, TimeSpan lifetime,
        Func<string, string, Language, OutgoingMessage> reply, CancellationToken cancellationToken)
    {
        var baseUrl = links.CaptureBase();
        if (await RefuseAsync(turn, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (baseUrl is null)
        {
            return NoBaseUrl(turn.Language);
        }
        return reply(await sign(baseUrl, turn.UserAadObjectId!), Minutes(lifetime), turn.Language);
    }

    private async Task<OutgoingMessage?> RefuseAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var decision = await access.CheckAsync(turn.UserAadObjectId, cancellationToken);
        return decision.Allowed ? null : new OutgoingMessage(decision.Reason(turn.Language)!);
    }

    private static OutgoingMessage NoBaseUrl(Language language) => new(language.Pick(
        "抱歉，暂时无法生成链接：GiBot 不知道自己的对外网址。请联系管理员在配置中设置 Overview:PublicBaseUrl。",
        "Sorry, I cannot make a link right now: GiBot does not know its public address. Please ask an administrator to set Overview:PublicBaseUrl."));

    private static string Minutes(TimeSpan lifetime) => Math.Round(lifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture);

    /// <summary>A unit by name or alias, or by the start of its English name ("Wen County", "Jiefang District").</summary>
    private Unit? ResolveUnit(string filter) =>
        units.Resolve(filter)
        ?? (units.Units.Where(u => u.NameEn.StartsWith(filter + " ", StringComparison.OrdinalIgnoreCase)).ToArray() is [var only] ? only : null);

    private static int? MeasureNumber(string filter)
    {
        var digits = filter.Trim().TrimStart('第').Replace("项措施", "", StringComparison.Ordinal).TrimEnd('项').Trim();
        if (digits.StartsWith("measure", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[7..].Trim();
        }
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : Measures.Questions.ChineseNumerals.Parse(digits) is var chinese and >= 0 ? chinese
            : null;
    }
}
