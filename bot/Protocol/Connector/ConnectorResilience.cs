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
    /// <summary>Every connector response carries it; Microsoft support asks for it.</summary>
    public const string OperationIdHeader = "X-Correlating-OperationId";

    /// <summary>
    /// Added to a Retry-After wait: timers may fire a few milliseconds early, and a retry that lands
    /// before the connector's stated time only earns another 429.
    /// </summary>
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
    /// The listed statuses are retried for every method, non-idempotent POSTs included, because the
    /// connector answered: 429 and 412 say it did not act on the call, and 502-504 come from its front
    /// end when the service could not take the call, which Teams' guidance says to retry. (A 504 could in
    /// rare cases follow a post that did land; a duplicate is the lesser harm than a lost message.)
    /// A timeout or broken connection gives no answer at all, so the message may well have been posted:
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
