using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GiBot.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback that plays the Bot Connector: it records every call and answers
/// with scripted failures (status, Retry-After) before succeeding.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private LoopbackServer? _server;
    private int _nextId;

    public sealed record Call(string Method, string Path, string? Authorization, string Body, DateTimeOffset At)
    {
        public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

        /// <summary>The raw query string, with its leading <c>?</c>; empty when there is none.</summary>
        public string Query { get; init; } = "";

        public string? ContentType { get; init; }

        /// <summary>The <c>X-Correlating-OperationId</c> the connector answered this call with.</summary>
        public string OperationId { get; init; } = "";

        /// <summary>The W3C <c>traceparent</c> header, when the bot propagated a trace.</summary>
        public string? TraceParent { get; init; }
    }

    public sealed record ScriptedFailure(int Status, string? RetryAfter = null, string? Body = null, string? PathContains = null)
    {
        /// <summary>How long the connector stalls before answering (to exercise timeouts).</summary>
        public TimeSpan Delay { get; init; }

        /// <summary>How long the connector stalls after the status and headers went out, before the body.</summary>
        public TimeSpan BodyDelay { get; init; }

        /// <summary>A <c>Location</c> header to answer with (for redirects).</summary>
        public string? Location { get; init; }
    }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public string ServiceUrl => _server is null ? "" : _server.BaseUrl + "/";

    /// <summary>A body served for GET calls whose path and query contain the key; the longest matching key wins.</summary>
    public ConcurrentDictionary<string, string> GetResponses { get; } = new();

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await LoopbackServer.StartAsync(connector.HandleAsync);
        return connector;
    }

    /// <summary>The next matching calls fail with these answers, in order.</summary>
    public void FailNext(params ScriptedFailure[] failures)
    {
        foreach (var failure in failures)
        {
            _failures.Enqueue(failure);
        }
    }

    public IReadOnlyList<Call> Sent => Calls.Where(c => c.Method != "GET").ToArray();

    /// <summary>Waits until at least <paramref name="count"/> non-GET calls have arrived.</summary>
    public async Task<IReadOnlyList<Call>> WaitForSentAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var sent = Sent;
            if (sent.Count >= count)
            {
                return sent;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"Expected {count} connector calls, got {Sent.Count}: {string.Join(", ", Sent.Select(c => c.Method + " " + c.Path))}");
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value + context.Request.QueryString.Value;
        var operationId = Guid.NewGuid().ToString("N");
        context.Response.Headers["X-Correlating-OperationId"] = operationId;
        Calls.Enqueue(new Call(context.Request.Method, Uri.UnescapeDataString(context.Request.Path.Value ?? ""), context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body, DateTimeOffset.UtcNow)
        {
            Query = context.Request.QueryString.Value ?? "",
            ContentType = context.Request.ContentType,
            OperationId = operationId,
            TraceParent = context.Request.Headers["traceparent"].ToString() is { Length: > 0 } t ? t : null,
        });

        if (_failures.TryPeek(out var failure) && (failure.PathContains is null || path.Contains(failure.PathContains, StringComparison.Ordinal))
            && _failures.TryDequeue(out failure))
        {
            if (failure.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(failure.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            }
            if (failure.Location is not null)
            {
                context.Response.Headers.Location = failure.Location;
            }
            if (failure.BodyDelay > TimeSpan.Zero)
            {
                await context.Response.StartAsync();
                await context.Response.Body.FlushAsync();
                try
                {
                    await Task.Delay(failure.BodyDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            await context.Response.WriteAsync(failure.Body ?? "{\"error\":{\"code\":\"Scripted\",\"message\":\"scripted " + failure.Status + "\"}}");
            return;
        }

        context.Response.ContentType = "application/json";
        if (HttpMethods.IsGet(context.Request.Method))
        {
            var match = GetResponses.Where(kv => path.Contains(kv.Key, StringComparison.Ordinal)).OrderByDescending(kv => kv.Key.Length).FirstOrDefault();
            if (match.Value is null)
            {
                context.Response.StatusCode = (int)HttpStatusCode.NotFound;
                await context.Response.WriteAsync("""{"error":{"code":"NotFound","message":"no such resource"}}""");
                return;
            }
            await context.Response.WriteAsync(match.Value);
            return;
        }
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Path.Value?.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal) == true)
        {
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { id = "conv-" + id, activityId = "act-" + id }));
            return;
        }
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { id = "act-" + id }));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
