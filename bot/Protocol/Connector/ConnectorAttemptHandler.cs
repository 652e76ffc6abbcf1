namespace GiBot.Protocol.Connector;

/// <summary>
/// One attempt of a connector call, inside the retries: a rate-limit permit first (so every attempt, retries
/// included, counts in <see cref="ConnectorRateLimiter"/>), then the exchange under the attempt timeout, which
/// starts only once the permit is granted. The permit is marked sent when the body goes out
/// (<see cref="ConnectorContent"/>) and disposed when the answer or the failure is in.
/// </summary>
internal sealed class ConnectorAttemptHandler(ConnectorRateLimiter limiter, TimeSpan attemptTimeout, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var permit = await limiter.ReserveAsync(RateLimitKey.Of(request), cancellationToken);
        (request.Content as ConnectorContent)?.SendWith(permit);
        // On the system clock one linked source with CancelAfter does; another clock needs its own timer source.
        using var timer = time == TimeProvider.System ? null : new CancellationTokenSource(attemptTimeout, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer?.Token ?? CancellationToken.None);
        if (timer is null)
        {
            attempt.CancelAfter(attemptTimeout);
        }
        try
        {
            return await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException e) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorTimeoutException($"The connector did not answer within {attemptTimeout}.", e);
        }
    }
}
