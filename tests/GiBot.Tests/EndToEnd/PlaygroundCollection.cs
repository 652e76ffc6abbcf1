namespace GiBot.Tests.EndToEnd;

/// <summary>
/// Every end-to-end test class joins this collection: they share one bot and one playground and run one
/// after another, since the playground broadcasts every frame to every client.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Agents Playground";
}
