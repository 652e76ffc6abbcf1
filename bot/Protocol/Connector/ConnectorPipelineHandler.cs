using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace GiBot.Protocol.Connector;

/// <summary>
/// Everything between <see cref="ConnectorClient"/> and the socket, in one handler: the total timeout
/// around the call, the retries (<see cref="ConnectorResilience"/>), a rate-limit permit before every
/// attempt (so retries count like any call) and the per-attempt timeout, which excludes time queued in
/// the limiter. One cancellation source per call serves both timeouts; only a timed-out attempt needs another.
/// </summary>
internal sealed class ConnectorPipelineHandler(ConnectorRateLimiter limiter, ConnectorRetryOptions options, TimeProvider time, ILogger logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = RateLimitKey.Of(request);
        var started = Stopwatch.GetTimestamp();
        var deadline = new Deadline(cancellationToken, options.TotalTimeout);
        try
        {
            for (var retry = 0; ; retry++)
            {
                var (response, error) = await AttemptAsync(request, key, deadline, started);
                if (retry >= options.MaxRetryAttempts || !ConnectorResilience.ShouldRetry(response, error, request))
                {
                    return response ?? Rethrow(error!);
                }
                var retryAfter = response is null ? null : ConnectorResilience.RetryAfter(response, time);
                if (retryAfter > options.MaxRetryAfter)
                {
                    return response!;
                }
                var delay = retryAfter is { } wait
                    ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) + ConnectorResilience.RetryAfterPadding
                    : ConnectorResilience.Backoff(options, retry, Random.Shared.NextDouble());
                LogRetry(request, response, error, retry, delay);
                response?.Dispose();
                await Task.Delay(delay, time, deadline.Token);
            }
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorTimeoutException($"The call took longer than its total timeout of {options.TotalTimeout}.", e);
        }
        finally
        {
            deadline.Dispose();
        }
    }

    /// <summary>One exchange; an answer of any status, or the error that left it without one.</summary>
    private async Task<(HttpResponseMessage? Response, Exception? Error)> AttemptAsync(HttpRequestMessage request, string key, Deadline deadline, long started)
    {
        // Marked sent when the body goes out, disposed when the answer (or the failure) is in: the call's time follows from both.
        using var permit = await limiter.ReserveAsync(key, deadline.Token);
        (request.Content as ConnectorContent)?.SendWith(permit);
        deadline.StartAttempt(options.AttemptTimeout, started);
        try
        {
            return (await base.SendAsync(request, deadline.Token), null);
        }
        catch (OperationCanceledException e) when (deadline.AttemptTimedOut)
        {
            deadline.Renew(started);
            return (null, new ConnectorTimeoutException($"The connector did not answer within {options.AttemptTimeout}.", e));
        }
        catch (HttpRequestException e)
        {
            return (null, e);
        }
        finally
        {
            deadline.EndAttempt(started);
        }
    }

    private static HttpResponseMessage Rethrow(Exception error)
    {
        ExceptionDispatchInfo.Throw(error);
        return null!;
    }

    private void LogRetry(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, int retry, TimeSpan delay)
    {
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }
        logger.LogWarning(error,
            "Connector {Method} {Path} failed with {Status} (X-Correlating-OperationId {OperationId}); retry {Retry} of {MaxRetries} in {Delay}",
            request.Method, request.RequestUri?.AbsolutePath,
            response is null ? error?.GetType().Name : (int)response.StatusCode,
            response?.Headers.TryGetValues(ConnectorResilience.OperationIdHeader, out var ids) == true ? string.Join(",", ids) : null,
            retry + 1, options.MaxRetryAttempts, delay);
    }

    /// <summary>
    /// The call's cancellation: the caller's token, the total timeout and, while an exchange runs, the
    /// attempt timeout (whichever is sooner), on one source that is replaced only after an attempt timed out.
    /// </summary>
    private sealed class Deadline(CancellationToken caller, TimeSpan total) : IDisposable
    {
        private CancellationTokenSource _source = Create(caller, total);

        public CancellationToken Token => _source.Token;

        /// <summary>Cancelled by a timeout or the caller; with the caller's token untouched, a timeout.</summary>
        public bool IsCancellationRequested => _source.IsCancellationRequested;

        /// <summary>True when the attempt timeout (not the total one, nor the caller) cancelled the exchange.</summary>
        public bool AttemptTimedOut => _attemptArmed && _source.IsCancellationRequested && !caller.IsCancellationRequested;

        private bool _attemptArmed;

        /// <summary>Arms the attempt timeout when it ends before the total one (which it then replaces).</summary>
        public void StartAttempt(TimeSpan attempt, long started)
        {
            if (attempt < Remaining(started))
            {
                _attemptArmed = true;
                _source.CancelAfter(attempt);
            }
        }

        /// <summary>Back to the total timeout for backoff and the next limiter wait.</summary>
        public void EndAttempt(long started)
        {
            if (_attemptArmed && !_source.IsCancellationRequested)
            {
                _source.CancelAfter(Remaining(started));
            }
            _attemptArmed = false;
        }

        /// <summary>After an attempt timed out its source is spent; the next attempt gets a fresh one.</summary>
        public void Renew(long started)
        {
            _attemptArmed = false;
            _source.Dispose();
            _source = Create(caller, Remaining(started));
        }

        public void Dispose() => _source.Dispose();

        private TimeSpan Remaining(long started)
        {
            var left = total - Stopwatch.GetElapsedTime(started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        private static CancellationTokenSource Create(CancellationToken caller, TimeSpan after)
        {
            var source = caller.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(caller) : new CancellationTokenSource();
            source.CancelAfter(after);
            return source;
        }
    }
}
