using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GiBot.Protocol.Connector;

/// <summary>
/// The retry policy for connector calls (protocol.md 5.2): 429, 412, 502, 503 and 504 are retried,
/// waiting as long as Retry-After asks or else with jittered exponential backoff, a bounded number of times.
/// A Retry-After longer than <see cref="ConnectorRetryOptions.MaxRetryAfter"/> is not waited for: the call
/// fails with that status at once, so a caller can reschedule rather than hold a request open.
/// </summary>
public static class ConnectorResilience
{
    /// <summary>
    /// Added to a Retry-After wait: timers may fire a few milliseconds early, and a retry that lands
    /// before the connector's stated time only earns another 429.
    /// </summary>
    /// <summary>Every connector response carries it; Microsoft support asks for it.</summary>
    public const string OperationIdHeader = "X-Correlating-OperationId";

    private static readonly TimeSpan RetryAfterPadding = TimeSpan.FromMilliseconds(50);

    /// <summary>Outer pipeline: the total timeout around every attempt, then the retries.</summary>
    public static void AddRetries(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorRetryOptions options, TimeProvider time, ILogger logger)
    {
        builder.AddTimeout(options.TotalTimeout);
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())
                && !(args.Outcome.Result is { } response && RetryAfter(response, time) > options.MaxRetryAfter)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response && RetryAfter(response, time) is { } wait
                    ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) + RetryAfterPadding
                    : (TimeSpan?)null),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var response = args.Outcome.Result;
                logger.LogWarning(args.Outcome.Exception,
                    "Connector {Method} {Path} failed with {Status} (X-Correlating-OperationId {OperationId}); retry {Retry} of {MaxRetries} in {Delay}",
                    request?.Method, request?.RequestUri?.AbsolutePath,
                    response is null ? args.Outcome.Exception?.GetType().Name : (int)response.StatusCode,
                    response?.Headers.TryGetValues(OperationIdHeader, out var ids) == true ? string.Join(",", ids) : null,
                    args.AttemptNumber + 1, options.MaxRetryAttempts, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        });
    }

    /// <summary>Inner pipeline, inside the rate limiter: one HTTP exchange may take this long.</summary>
    public static void AddAttemptTimeout(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorRetryOptions options) =>
        builder.AddTimeout(options.AttemptTimeout);

    /// <summary>
    /// The listed statuses are retried for every method, POST included: the connector answered, so it
    /// did not act on the call (429, 412) or could not (502-504), and sending again cannot duplicate a
    /// message. A timeout or broken connection is ambiguous (the message may have been posted), so
    /// those are retried only for the idempotent GET, PUT and DELETE.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (outcome.Result is { } response)
        {
            return IsRetryableStatus(response.StatusCode);
        }
        return outcome.Exception is HttpRequestException or TimeoutRejectedException
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
}
