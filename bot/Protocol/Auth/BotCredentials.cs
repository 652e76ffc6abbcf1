using GiBot.Protocol.Hosting;

namespace GiBot.Protocol.Auth;

/// <summary>Checks at startup that the configured app type has what it needs to get outbound tokens.</summary>
public static class BotCredentials
{
    /// <summary>Null when the settings can get tokens, otherwise a one-line explanation naming the keys to set.</summary>
    public static string? Problem(BotFrameworkSettings settings)
    {
        if (settings.IsLocalMode)
        {
            return null;
        }
        return settings.MicrosoftAppType switch
        {
            BotAppType.SingleTenant when string.IsNullOrWhiteSpace(settings.MicrosoftAppTenantId) && string.IsNullOrWhiteSpace(settings.MicrosoftAppPassword) =>
                "MicrosoftAppType is SingleTenant but MicrosoftAppTenantId and MicrosoftAppPassword are empty: set both (or clear MicrosoftAppId for local mode).",
            BotAppType.SingleTenant when string.IsNullOrWhiteSpace(settings.MicrosoftAppTenantId) =>
                "MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is empty: set it to the tenant id of the bot's app registration.",
            BotAppType.SingleTenant or BotAppType.MultiTenant when string.IsNullOrWhiteSpace(settings.MicrosoftAppPassword) =>
                $"MicrosoftAppType is {settings.MicrosoftAppType} but MicrosoftAppPassword is empty: set it to a client secret of the bot's app registration.",
            _ => null,
        };
    }

    /// <summary>Throws with <see cref="Problem"/> so the process stops at startup with a clear message.</summary>
    public static void EnsureUsable(BotFrameworkSettings settings)
    {
        if (Problem(settings) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
