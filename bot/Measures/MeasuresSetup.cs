using GiBot.Measures.Answers;
using GiBot.Measures.Questions;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;

namespace GiBot.Measures;

public static class MeasuresSetup
{
    /// <summary>The measure registry (resources/measures/measures.json + Measures:CountyBureaus) and the features answering from it.</summary>
    public static IServiceCollection AddGiBotMeasures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => MeasureRegistry.Load(CountyBureausConfiguration.Read(sp.GetService<IConfiguration>() ?? configuration)));
        services.AddSingleton<MeasureQueryParser>();
        services.AddSingleton<MeasureReplies>();
        services.AddSingleton<MeasureAnswerer>();
        services.AddSingleton<IMessageFeature, MeasuresFeature>();
        services.AddSingleton<ICardActionFeature, MeasureCardActions>();
        return services;
    }
}
