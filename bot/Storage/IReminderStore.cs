namespace GiBot.Storage;

/// <summary>Reminder plans and the sends made for them, safe with several schedulers on one database.</summary>
public interface IReminderStore
{
    /// <summary>True when planned now; false when the key was planned before (whatever its state).</summary>
    Task<bool> PlanAsync(ReminderPlan plan, CancellationToken cancellationToken);

    /// <summary>Pending plans that are due, each given to exactly one claimer for the lease.</summary>
    Task<IReadOnlyList<ReminderRecord>> ClaimDueAsync(string claimer, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a recipient got this reminder. False when it was recorded before: check with
    /// <see cref="ListRecipientsSentAsync"/> before sending, record right after.
    /// </summary>
    Task<bool> RecordSendAsync(string planKey, string recipientId, string? activityId, CancellationToken cancellationToken);

    /// <summary>
    /// Undoes <see cref="RecordSendAsync"/> when the send it reserved failed before Teams accepted the message,
    /// so a retry may send it. True when a record was removed.
    /// </summary>
    Task<bool> ForgetSendAsync(string planKey, string recipientId, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> ListRecipientsSentAsync(string planKey, CancellationToken cancellationToken);

    /// <summary>Marks the plan sent. False when the claim was lost.</summary>
    Task<bool> CompleteAsync(string planKey, string claimToken, CancellationToken cancellationToken);

    /// <summary>Releases the claim and makes the plan due again at <paramref name="dueAt"/>.</summary>
    Task<bool> RetryLaterAsync(string planKey, string claimToken, DateTimeOffset dueAt, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels pending plans of a unit's measure and period (it reported), or of every period when
    /// <paramref name="period"/> is null (it finished the measure). Returns how many.
    /// </summary>
    Task<int> CancelPendingAsync(int measure, string unitId, string? period, CancellationToken cancellationToken);

    Task<ReminderRecord?> GetAsync(string planKey, CancellationToken cancellationToken);

    /// <summary>Plans due in [from, to), any state, soonest first.</summary>
    Task<IReadOnlyList<ReminderRecord>> ListDueBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
