namespace GiBot.Hosting;

/// <summary>A dependency that must be reachable for the bot to be ready (storage, for example).</summary>
public interface IReadinessCheck
{
    string Name { get; }

    /// <summary>Null when healthy, otherwise a short reason.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}
