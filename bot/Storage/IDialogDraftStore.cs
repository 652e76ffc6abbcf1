namespace GiBot.Storage;

/// <summary>Dialog drafts per user and scope, so a restart or another device continues where the user stopped.</summary>
public interface IDialogDraftStore
{
    Task<DialogDraft?> GetAsync(string userId, string scope, CancellationToken cancellationToken);

    Task<IReadOnlyList<DialogDraft>> ListForUserAsync(string userId, CancellationToken cancellationToken);

    Task SaveAsync(string userId, string scope, string payload, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string userId, string scope, CancellationToken cancellationToken);
}
