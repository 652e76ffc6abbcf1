using GiBot.Measures.Answers;
using GiBot.Measures.Questions;
using GiBot.Measures.Registry;
using GiBot.Tests.Cards;
using Microsoft.Extensions.Configuration;

namespace GiBot.Tests.Measures;

/// <summary>The registry as the bot builds it: embedded data plus the county bureaus from the repository's appsettings.json.</summary>
public static class TestRegistry
{
    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddJsonFile(RepositoryFiles.Path("appsettings.json"), optional: false)
        .Build();

    public static MeasureRegistry Registry { get; } = MeasureRegistry.Load(CountyBureausConfiguration.Read(Configuration));

    public static MeasureQueryParser Parser { get; } = new(Registry);

    public static MeasureReplies Replies { get; } = new(Registry);
}
