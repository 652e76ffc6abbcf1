using System.Runtime.CompilerServices;
using Polly;

namespace GiBot.Protocol.Connector;

/// <summary>
/// One connector call with its retries, its total timeout and, per attempt, a rate-limit permit (so every attempt,
/// retries included, counts in <see cref="ConnectorRateLimiter"/>) and the attempt timeout, which starts only once
/// the permit is granted. The retries run on Polly (<see cref="ConnectorResilience.Pipeline"/>) with a pooled
/// context and no allocation of their own; the total timeout is not a second Polly layer but the call's start time:
/// each attempt's one cancellation is armed with what is left of it (while waiting for a permit) or with the attempt
/// timeout when that ends first, and a retry delay that would outlast it is cut to it. The permit is marked sent when
/// the body goes out (<see cref="ConnectorContent"/>) and disposed when the answer's headers or the failure are in.
/// </summary>
internal sealed class ConnectorExchange(HttpMessageInvoker http, ConnectorRateLimiter limiter, ConnectorRetryOptions options, TimeProvider time,
    ResiliencePipeline<HttpResponseMessage> retries, ConnectorClock? clock = null)
{
    /// <summary>The request of the call, for the retry rules (which methods may be retried) and the retry log.</summary>
    internal static readonly ResiliencePropertyKey<ConnectorRequest> RequestKey = new("GiBot.ConnectorRequest");

    /// <summary>
    /// Sends <paramref name="request"/> until it is answered with a status that is not retried, a retry is not
    /// allowed, or time runs out (<see cref="ConnectorTimeoutException"/>). The body of an answer that is not retried
    /// is read in full within the attempt; a retryable one is judged by its headers.
    /// </summary>
    public async ValueTask<HttpResponseMessage> SendAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        request.StartedAt = time.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await retries.ExecuteOutcomeAsync(
                static (context, state) => state.Exchange.AttemptAsync(state.Request, context.CancellationToken),
                context, (Exchange: this, Request: request));
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>What is left of the call's total time.</summary>
    internal TimeSpan Remaining(ConnectorRequest request) => options.TotalTimeout - time.GetElapsedTime(request.StartedAt);

    internal ConnectorTimeoutException OutOfTime(ConnectorRequest request, Exception? cause)
    {
        request.OutOfTime = true;
        return new ConnectorTimeoutException($"The call took longer than its total timeout of {options.TotalTimeout}.", cause);
    }

    /// <summary>One attempt; failures are returned as the outcome (Polly's contract for ExecuteOutcomeAsync), not thrown.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var remaining = Remaining(request);
        if (request.OutOfTime || remaining <= TimeSpan.Zero)
        {
            return Outcome.FromException<HttpResponseMessage>(OutOfTime(request, null));
        }
        var timer = AttemptTimer.Rent(time);
        var link = timer.Link(cancellationToken);
        var boundByTotal = true;
        try
        {
            var reserving = limiter.ReserveAsync(RateLimitKey.Of(request), timer.Token);
            if (!reserving.IsCompleted)
            {
                // Only a call that must wait for its permit needs the timer meanwhile.
                timer.Arm(remaining);
            }
            HttpResponseMessage response;
            using (var permit = await reserving)
            {
                (request.Content as ConnectorContent)?.SendWith(permit);
                remaining = Remaining(request);
                boundByTotal = remaining <= options.AttemptTimeout;
                timer.Arm(boundByTotal ? remaining : options.AttemptTimeout);
                var sentAt = time.GetTimestamp();
                response = await http.SendAsync(request, timer.Token);
                clock?.Observe(sentAt, response);
            }
            try
            {
                // A status that is retried is decided by its headers: its body is not read here, so a stalled body
                // cannot turn a retryable answer into a timeout (which a POST may not retry). A final one is read
                // for the error message by ConnectorErrors.
                if (!ConnectorResilience.IsRetryableStatus(response.StatusCode))
                {
                    await response.Content.LoadIntoBufferAsync(timer.Token);
                }
            }
            catch
            {
                response.Dispose();
                throw;
            }
            return Outcome.FromResult(response);
        }
        catch (OperationCanceledException e) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Outcome.FromException<HttpResponseMessage>(boundByTotal
                ? OutOfTime(request, e)
                : new ConnectorTimeoutException($"The connector did not answer within {options.AttemptTimeout}.", e));
        }
        catch (Exception e)
        {
            return Outcome.FromException<HttpResponseMessage>(e);
        }
        finally
        {
            link.Dispose();
            timer.Return();
        }
    }
}
