using System.Text;
using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Relay;
using GiBot.Reminders.Sending;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Nudges;

/// <summary>
/// Tells whoever asked for a nudge ("提醒 N") which liaisons Teams refused it for, why, and what to do, in the
/// requester's language. The nudge's confirmation said it was on its way; this keeps that word honest.
/// </summary>
public sealed class NudgeRefusalNotice(ReminderRecipients recipients, PersonalNotifier notifier)
{
    public async Task TellAsync(IReadOnlyList<NudgeRefusal> refusals, CancellationToken cancellationToken)
    {
        var requesters = refusals.SelectMany(r => r.Plans).Select(p => p.Payload).OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal);
        foreach (var requester in requesters)
        {
            var missed = refusals.Select(r => new Missed(r, r.Plans.Where(p => p.Payload == requester).ToArray())).Where(m => m.Plans.Count > 0).ToArray();
            var language = await recipients.LanguageOfAsync(requester, cancellationToken);
            await notifier.TellAsync(requester, new OutgoingMessage(Text(missed, language)), cancellationToken);
        }
    }

    /// <summary>One person a requester's nudge missed, with the requester's plans it held.</summary>
    public sealed record Missed(NudgeRefusal Refusal, IReadOnlyList<ReminderPlan> Plans)
    {
        public IReadOnlyList<int> Measures => Plans.Select(p => p.Measure).Distinct().Order().ToArray();

        public IReadOnlyList<string> Units => Plans.Select(p => p.UnitId).Distinct(StringComparer.Ordinal).ToArray();
    }

    public static string Text(IReadOnlyList<Missed> missed, Language language)
    {
        var sep = language.Pick("、", ", ");
        var text = new StringBuilder(language.Pick(
            $"您发出的催办有 {missed.Count} 人没有收到：\n\n",
            $"Your nudge did not reach {missed.Count} {(missed.Count == 1 ? "person" : "people")}:\n\n"));
        foreach (var one in missed)
        {
            var person = one.Refusal.Person;
            var name = MarkdownText.Literal(RosterDirectory.DisplayName(person));
            var what = language.Pick($"第 {string.Join(sep, one.Measures)} 项", $"measure{(one.Measures.Count > 1 ? "s" : "")} {string.Join(sep, one.Measures)}");
            text.Append($"- {name}{language.Pick("（", " (")}{string.Join(sep, one.Units)}{sep}{what}{language.Pick("）：", "): ")}{one.Refusal.Reason(language)}{language.Pick("。", ".")}\n");
        }
        if (missed.Any(m => m.Refusal.PersonCanFix))
        {
            var again = string.Join(language.Pick("”或“", "\" or \""), missed.SelectMany(m => m.Measures).Distinct().Order().Select(n => language.Pick($"提醒 {n}", $"remind {n}")));
            text.Append(language.Pick(
                $"\n处理方法：请对方在 Teams 中重新添加或打开 GiBot 并给它发一条消息（若被管理员停用，请 Teams 管理员在管理中心允许 GiBot），然后再发送“{again}”；也可以先电话通知。",
                $"\nWhat to do: ask them to add or open GiBot in Teams again and send it a message (if an administrator disabled it, ask a Teams administrator to allow GiBot in the admin center), then send \"{again}\" again; meanwhile, a phone call reaches them."));
        }
        return text.ToString();
    }
}
