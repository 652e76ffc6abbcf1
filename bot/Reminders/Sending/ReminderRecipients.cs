using GiBot.Localization;
using GiBot.Roster;
using GiBot.Storage;
using GiBot.Updates;

namespace GiBot.Reminders.Sending;

/// <summary>Who a plan reminds, and in which language each person last used the bot (their update drafts say; else Chinese).</summary>
public sealed class ReminderRecipients(ReminderOptions options, IRosterDirectory roster, IDialogDraftStore drafts)
{
    public async Task<IReadOnlyList<RosterPerson>> ForAsync(ReminderPlan plan, CancellationToken cancellationToken)
    {
        if (ReminderSteps.IsSnooze(plan.Step))
        {
            return plan.Payload is { } aad && await roster.FindAsync(aad, cancellationToken) is { } person ? [person] : [];
        }
        var roles = options.Ladder.FirstOrDefault(s => s.Name == plan.Step)?.Roles ?? [RosterRole.Liaison];
        return await roster.MembersOfUnitAsync(plan.UnitId, roles, cancellationToken);
    }

    public async Task<Language> LanguageOfAsync(string aadObjectId, CancellationToken cancellationToken) =>
        await drafts.GetAsync(aadObjectId, UpdateDialog.DraftScope, cancellationToken) is { } stored && UpdateDraft.FromJson(stored.Payload) is { } draft
            ? LanguageExtensions.ParseTag(draft.Lang)
            : Language.Chinese;
}
