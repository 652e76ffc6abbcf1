using System.Text.Json;
using GiBot.Protocol.Schema;

namespace GiBot.Roster;

/// <summary>Teams member records carry <c>email</c> and <c>userPrincipalName</c> beyond the core account fields.</summary>
public static class MemberEmail
{
    public static IEnumerable<string> Addresses(ChannelAccount? account)
    {
        foreach (var key in new[] { "email", "userPrincipalName" })
        {
            if (account?.Extra?.TryGetValue(key, out var value) == true && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text)
            {
                yield return text.Trim().ToLowerInvariant();
            }
        }
    }

    public static string? First(ChannelAccount? account) => Addresses(account).FirstOrDefault();
}
