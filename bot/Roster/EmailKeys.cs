namespace GiBot.Roster;

/// <summary>A person known only by email is stored as <c>email:&lt;address&gt;</c> until their aadObjectId is learned.</summary>
public static class EmailKeys
{
    public const string Prefix = "email:";

    public static string For(string email) => Prefix + email.Trim().ToLowerInvariant();

    public static bool IsEmailKey(string personId) => personId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public static bool LooksLikeEmail(string text) =>
        text.Length >= 3 && text.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < text.Length - 1 && !text.Contains(' ', StringComparison.Ordinal);
}
