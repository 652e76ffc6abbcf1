using GiBot.Roster;

namespace GiBot.Reminders.Sending;

/// <summary>
/// What dispatching a batch of claimed plans did: who could not be reached, how many plans were finished (sent, found
/// reported, or set to retry after a failed send), and whether digests were left unsent because the pass ran out of
/// time (their plans were handed back, due at once, so the next pass sends them), the admins' nudges Teams refused
/// for good, and the people whose chat Teams refused a ladder rung for good (their chat now marked removed).
/// </summary>
public sealed record ReminderDispatch(IReadOnlyList<RosterPerson> Unreachable, int Finished, bool HandedBack)
{
    public IReadOnlyList<Nudges.NudgeRefusal> RefusedNudges { get; init; } = [];

    public IReadOnlyList<RefusedChat> RefusedChats { get; init; } = [];
}
