namespace GiBot.Protocol.Connector;

/// <summary>
/// One attempt of a connector call, inside the retries: a rate-limit permit first (so every attempt, retries
/// included, counts in <see cref="ConnectorRateLimiter"/>), then the exchange under the attempt timeout, which
/// starts only once the permit is granted. The permit is marked sent when the body goes out
/// (<see cref="ConnectorContent"/>) and disposed when the answer or the failure is in.
/// </summary>
internal sealed class ConnectorAttemptHandler(ConnectorRateLimiter limiter, TimeSpan attemptTimeout, TimeProvider time) : DelegatingHandler
{
    /// <summary>
    /// One timeout source per thread kept for reuse (<see cref="CancellationTokenSource.TryReset"/>): an attempt
    /// that ended before its timeout leaves a source whose timer can be armed again, instead of a new source,
    /// linked source and timer per attempt.
    /// </summary>
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var permit = await limiter.ReserveAsync(RateLimitKey.Of(request), cancellationToken);
        (request.Content as ConnectorContent)?.SendWith(permit);
        if (time != TimeProvider.System)
        {
            return await SendOnOtherClockAsync(request, cancellationToken);
        }
        var attempt = t_spare ?? new CancellationTokenSource();
        t_spare = null;
        attempt.CancelAfter(attemptTimeout);
        var link = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), attempt);
        try
        {
            return await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException e) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorTimeoutException($"The connector did not answer within {attemptTimeout}.", e);
        }
        finally
        {
            // The attempt is over: its token is used no more (as before, when the linked source was disposed here).
            link.Dispose();
            if (t_spare is null && attempt.TryReset())
            {
                t_spare = attempt;
            }
            else
            {
                attempt.Dispose();
            }
        }
    }

    /// <summary>Another clock (tests) needs a timer source of its own, linked with the caller's token.</summary>
    private async Task<HttpResponseMessage> SendOnOtherClockAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(attemptTimeout, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
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
