using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;
using GiBot.Roster;

namespace GiBot.Updates;

/// <summary>The person pressing or typing, as the roster knows them, with what they may report.</summary>
public sealed record UpdateCaller(string AadObjectId, string? Name, RosterPerson Person, IRosterDirectory Roster, IReadOnlyList<ReportableMeasure> Reportable)
{
    /// <summary>Drafts are kept per person (not per device or conversation), so another device continues them.</summary>
    public string DraftOwner => AadObjectId;

    public IReadOnlyList<string> UnitsFor(int? measure) => measure is { } n
        ? Reportable.FirstOrDefault(r => r.Measure == n)?.UnitIds ?? []
        : Reportable.SelectMany(r => r.UnitIds).Distinct(StringComparer.Ordinal).ToArray();

    public UpdateFormContext FormContext(int? measure) =>
        new(Reportable.Select(r => r.Measure).Order().ToArray(), UnitsFor(measure), Person.IsAdmin);

    /// <summary>Looks the caller up; null with a polite refusal, fitting what was <paramref name="asked"/>, when they are not on the roster.</summary>
    public static async Task<(UpdateCaller? Caller, string? Refusal)> IdentifyAsync(TurnContext turn, IRosterDirectory roster, UpdateAsk asked, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var view = asked == UpdateAsk.View;
        var aad = turn.UserAadObjectId;
        if (string.IsNullOrEmpty(aad))
        {
            return (null, language.Pick(
                $"抱歉，无法识别您的 Teams 身份，暂不能{(view ? "查看" : "汇报")}进展。请在 Teams 中重新发送；如仍有问题，请联系知识产权保护科管理员。",
                $"Sorry, I could not tell who you are in Teams, so you cannot {(view ? "see updates" : "report")} yet. Please send it again from Teams; if it persists, contact the IP Protection Section administrators."));
        }
        var person = await roster.FindAsync(aad, cancellationToken);
        if (person is null)
        {
            return (null, language.Pick(
                $"抱歉，您还不在进展汇报人员名单中，暂不能{(view ? "查看" : "汇报")}进展。如需加入，请发送“我是××的联络员”（××为单位名称，例如“我是执法稽查科的联络员”），管理员批准后即可{(view ? "查看本单位的进展" : "汇报")}；也可以联系知识产权保护科管理员将您加入所在单位。",
                $"Sorry, you are not on the reporting roster yet, so you cannot {(view ? "see updates" : "report")}. To join, send \"I am the liaison of [unit]\" (e.g. \"I am the liaison of the Enforcement and Inspection Section\"); once an administrator approves, you can {(view ? "see your unit's updates" : "report")}. Or ask the IP Protection Section administrators to add you to your unit."));
        }
        var reportable = await roster.ReportableMeasuresAsync(aad, cancellationToken);
        return (new UpdateCaller(aad, turn.UserName ?? person.Name, person, roster, reportable), null);
    }

    public string NothingToReport(MeasureRegistry registry, Language language)
    {
        var units = UnitNames(registry, language);
        return language.Pick($"抱歉，您所在单位（{units}）目前没有可汇报的措施。如有疑问请联系知识产权保护科。",
            $"Sorry, your unit ({units}) has no measures to report on. Please contact the IP Protection Section if this looks wrong.");
    }

    /// <summary>Why the caller may not report on <paramref name="measure"/>, or null when they may.</summary>
    public string? MeasureRefusal(int measure, MeasureRegistry registry, Language language)
    {
        if (registry.Find(measure) is null)
        {
            return language.Pick(
                $"分工方案共有 {MeasureRegistry.MeasureCount} 项措施，没有第 {measure} 项。请发送第 1 至 {MeasureRegistry.MeasureCount} 项中的一项，例如“汇报第8项”。",
                $"The plan has {MeasureRegistry.MeasureCount} measures; there is no measure {measure}. Please pick one from 1 to {MeasureRegistry.MeasureCount}, e.g. \"update 8\".");
        }
        if (UnitsFor(measure).Count > 0)
        {
            return null;
        }
        if (Reportable.Count == 0)
        {
            return NothingToReport(registry, language);
        }
        var units = UnitNames(registry, language);
        var mine = string.Join(language.Pick("、", ", "), Reportable.Select(r => r.Measure).Order());
        return language.Pick($"抱歉，第 {measure} 项措施不由您所在单位（{units}）负责，您不能汇报。您可以汇报的措施：第 {mine} 项。",
                $"Sorry, measure {measure} is not your unit's ({units}), so you cannot report on it. You can report on measures {mine}.");
    }

    private string UnitNames(MeasureRegistry registry, Language language) =>
        string.Join(language.Pick("、", "; "), Person.UnitIds.Select(u => UpdateLabels.UnitName(registry, u, language)));
}
