using GiBot.Localization;
using GiBot.Roster;
using GiBot.Storage;
using GiBot.Updates;

namespace GiBot.Reminders.Sending;

/// <summary>
/// Who a plan reminds, and in which language each person last wrote to the bot in their personal chat
/// (else the language of their update draft; else Chinese).
/// </summary>
public sealed class ReminderRecipients(ReminderOptions options, IRosterDirectory roster, IConversationReferenceStore references, IDialogDraftStore drafts)
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

    /// <summary>The names of a unit's liaisons, whom a head is asked to follow up with.</summary>
    public async Task<IReadOnlyList<string>> LiaisonNamesAsync(string unitId, CancellationToken cancellationToken) =>
        (await roster.MembersOfUnitAsync(unitId, [RosterRole.Liaison], cancellationToken))
            .Select(RosterDirectory.DisplayName).ToArray();

    public async Task<Language> LanguageOfAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (await references.FindPersonalChatAsync(aadObjectId, cancellationToken) is { Language: { } written })
        {
            return LanguageExtensions.ParseTag(written);
        }
        return await drafts.GetAsync(aadObjectId, UpdateDialog.DraftScope, cancellationToken) is { } stored && UpdateDraft.FromJson(stored.Payload) is { } draft
            ? LanguageExtensions.ParseTag(draft.Lang)
            : Language.Chinese;
    }
}
