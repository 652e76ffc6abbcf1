namespace GiBot.Tests.Protocol;

/// <summary>
/// Tests that measure this process's managed memory run alone, after every parallel collection, so other
/// tests' allocations are not counted as the bot's growth.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedMeasurementCollection
{
    public const string Name = "Isolated measurement";
}
