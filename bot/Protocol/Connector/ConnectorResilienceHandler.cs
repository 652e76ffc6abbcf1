using Microsoft.Extensions.Http.Resilience;
using Polly.Timeout;

namespace GiBot.Protocol.Connector;

/// <summary>
/// The total timeout and the retries of a connector call (<see cref="ConnectorResilience.Pipeline"/>) on
/// Microsoft.Extensions.Http.Resilience. A call that ran out of its total time surfaces as a
/// <see cref="ConnectorTimeoutException"/>, like a timed-out attempt, so callers handle one timeout type.
/// </summary>
internal sealed class ConnectorResilienceHandler(ConnectorRetryOptions options, TimeProvider time, ILogger logger)
    : ResilienceHandler(ConnectorResilience.Pipeline(options, time, logger))
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw new ConnectorTimeoutException($"The call took longer than its total timeout of {options.TotalTimeout}.", e);
        }
    }
}
