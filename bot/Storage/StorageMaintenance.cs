namespace GiBot.Storage;

/// <summary>Forgets processed activity ids after <see cref="ActivityRetention"/>, hourly.</summary>
public sealed partial class StorageMaintenance(IProcessedActivityStore activities, StorageInitializer initializer, TimeProvider time, ILogger<StorageMaintenance> logger) : BackgroundService
{
    /// <summary>Far longer than any redelivery Teams makes, short enough to keep the table small.</summary>
    public static readonly TimeSpan ActivityRetention = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await initializer.EnsureAsync();
                await activities.PurgeAsync(time.GetUtcNow() - ActivityRetention, stoppingToken);
            }
            catch (StorageUnavailableException e)
            {
                LogSkipped(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage maintenance skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);
}
