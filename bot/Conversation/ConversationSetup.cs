using GiBot.Protocol.Turns;

namespace GiBot.Conversation;

public static class ConversationSetup
{
    public static IServiceCollection AddGiBotConversation(this IServiceCollection services)
    {
        services.AddSingleton<IMessageFeature, HelpFeature>();
        services.AddSingleton<IConversationLifecycleObserver, WelcomeObserver>();
        return services;
    }
}
