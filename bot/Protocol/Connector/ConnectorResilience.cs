using System.Net;
using Polly;
using Polly.Retry;

namespace GiBot.Protocol.Connector;

/// <summary>
/// The retry policy for connector calls (protocol.md 5.2): 429, 412, 502, 503 and 504 are retried,
/// waiting as long as Retry-After asks or else with jittered exponential backoff, a bounded number of times.
/// A Retry-After longer than <see cref="ConnectorRetryOptions.MaxRetryAfter"/> is not waited for: the call
/// fails with that status at once, so a caller can reschedule rather than hold a request open.
/// <see cref="Pipeline"/> builds it for <see cref="ConnectorExchange"/>, which keeps the total timeout.
/// </summary>
public static class ConnectorResilience
{
    /// <summary>Every connector response carries it; Microsoft support asks for it.</summary>
    public const string OperationIdHeader = "X-Correlating-OperationId";

    /// <summary>
    /// Added to a Retry-After wait: timers may fire a few milliseconds early, and a retry that lands
    /// before the connector's stated time only earns another 429.
    /// </summary>
    internal static readonly TimeSpan RetryAfterPadding = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The retries of a connector call on <paramref name="time"/>. The total timeout is kept by
    /// <see cref="ConnectorExchange"/> (every attempt, backoff delay and limiter wait count): no retry once the call is
    /// out of time, and a delay that would outlast it is cut to it, after which the call fails with a
    /// <see cref="ConnectorTimeoutException"/>. The rate-limit permit and the attempt timeout are taken per attempt,
    /// so every retry counts in the limiter.
    /// </summary>
    internal static ResiliencePipeline<HttpResponseMessage> Pipeline(ConnectorRetryOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        // Polly's retry needs at least one retry; with none allowed there is nothing to add.
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(Request(args.Context) is { OutOfTime: false } request
                    && ShouldRetry(args.Outcome.Result, args.Outcome.Exception, request)
                    && !(args.Outcome.Result is { } response && RetryAfter(response, time) > options.MaxRetryAfter)),
                DelayGenerator = args =>
                {
                    var delay = args.Outcome.Result is { } response && RetryAfter(response, time) is { } wait
                        ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) + RetryAfterPadding
                        : Backoff(options, args.AttemptNumber, Random.Shared.NextDouble());
                    return ValueTask.FromResult<TimeSpan?>(Request(args.Context) is { } request ? WithinTotal(request, delay, options, time) : delay);
                },
                OnRetry = args =>
                {
                    LogRetry(logger, options, Request(args.Context), args.Outcome.Result, args.Outcome.Exception, args.AttemptNumber, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.Build();
    }

    private static ConnectorRequest? Request(ResilienceContext context) =>
        context.Properties.TryGetValue(ConnectorExchange.RequestKey, out var request) ? request : null;

    /// <summary>A delay that would end at or after the call's total timeout ends there, and the call with it.</summary>
    private static TimeSpan WithinTotal(ConnectorRequest request, TimeSpan delay, ConnectorRetryOptions options, TimeProvider time)
    {
        var remaining = options.TotalTimeout - time.GetElapsedTime(request.StartedAt);
        if (delay < remaining)
        {
            return delay;
        }
        request.OutOfTime = true;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>
    /// The listed statuses are retried for every method, non-idempotent POSTs included, because the
    /// connector answered: 429 and 412 say it did not act on the call, and 502-504 come from its front
    /// end when the service could not take the call, which Teams' guidance says to retry. (A 504 could in
    /// rare cases follow a post that did land; a duplicate is the lesser harm than a lost message.)
    /// A timeout or broken connection gives no answer at all, so the message may well have been posted:
    /// those are retried only for the idempotent GET, PUT and DELETE.
    /// </summary>
    internal static bool ShouldRetry(HttpResponseMessage? response, Exception? error, HttpRequestMessage? request)
    {
        if (response is not null)
        {
            return IsRetryableStatus(response.StatusCode);
        }
        return error is HttpRequestException or ConnectorTimeoutException
            && request is not null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete);
    }

    internal static bool IsRetryableStatus(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            return date - time.GetUtcNow();
        }
        return null;
    }

    /// <summary>
    /// Before retry number <paramref name="retry"/> (0 for the first) when the connector named no time:
    /// the base delay doubled per retry, capped, then spread by ±25 % (and capped again) so that callers
    /// failed by the same outage do not all come back at once.
    /// </summary>
    internal static TimeSpan Backoff(ConnectorRetryOptions options, int retry, double random)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Min(capped * (0.75 + 0.5 * random), options.MaxDelay.TotalMilliseconds));
    }

    private static void LogRetry(ILogger logger, ConnectorRetryOptions options, HttpRequestMessage? request, HttpResponseMessage? response,
        Exception? error, int retry, TimeSpan delay)
    {
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }
        logger.LogWarning(error,
            "Connector {Method} {Path} failed with {Status} (X-Correlating-OperationId {OperationId}); retry {Retry} of {MaxRetries} in {Delay}",
            request?.Method, request?.RequestUri?.AbsolutePath,
            response is null ? error?.GetType().Name : (int)response.StatusCode,
            response?.Headers.TryGetValues(OperationIdHeader, out var ids) == true ? string.Join(",", ids) : null,
            retry + 1, options.MaxRetryAttempts, delay);
    }
}

/// <summary>A connector exchange, or the whole call with its retries, ran out of time.</summary>
public sealed class ConnectorTimeoutException(string message, Exception? innerException = null) : TimeoutException(message, innerException);
