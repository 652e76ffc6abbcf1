using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using GiBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace GiBot.Load;

/// <summary>
/// The Bot Connector on loopback HTTP (the bot learns its URL from each activity's serviceUrl).
/// Every POST to <c>v3/conversations/{id}/activities[/{replyToId}]</c> is answered 200 at once and its
/// arrival time is recorded in the <see cref="TurnLedger"/> under the body's <c>replyToId</c>.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private static readonly byte[] Accepted = """{"id":"1"}"""u8.ToArray();

    private readonly TurnLedger _ledger;
    private int _calls;
    private int _withoutToken;
    private int _otherCalls;
    private string? _firstReply;

    private readonly TeamsThrottle? _throttle;
    private readonly byte[] _keyName;
    private readonly double _dropAfterAccept;
    private int _dropped;
    private LoopbackServer? _server;

    private FakeConnector(TurnLedger ledger, TeamsThrottle? throttle, byte[] keyName, double dropAfterAccept)
    {
        _ledger = ledger;
        _throttle = throttle;
        _keyName = keyName;
        _dropAfterAccept = dropAfterAccept;
    }

    /// <summary>Activities recorded as accepted whose connection was then dropped before the answer.</summary>
    public int DroppedAfterAccept => Volatile.Read(ref _dropped);

    /// <summary>Calls refused with 429 because they broke a Teams limit (only with a throttle).</summary>
    public int Throttled => _throttle?.Refused ?? 0;

    public string ServiceUrl => _server is null ? "" : _server.BaseUrl + "/";

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Calls that did not carry the token the fake cloud issued (outbound auth broken).</summary>
    public int CallsWithoutToken => Volatile.Read(ref _withoutToken);

    /// <summary>Calls that were not activity posts (e.g. updates, member reads).</summary>
    public int OtherCalls => Volatile.Read(ref _otherCalls);

    /// <summary>The body of the first activity posted, to show what the bot answered.</summary>
    public string? FirstReply => Volatile.Read(ref _firstReply);

    /// <param name="keyProperty">The top-level activity property the ledger is keyed by (<c>replyToId</c> for turns).</param>
    /// <param name="dropAfterAccept">Probability of aborting the connection after an activity was accepted and recorded.</param>
    public static async Task<FakeConnector> StartAsync(TurnLedger ledger, TeamsThrottle? throttle = null, string keyProperty = "replyToId", double dropAfterAccept = 0)
    {
        var connector = new FakeConnector(ledger, throttle, System.Text.Encoding.UTF8.GetBytes(keyProperty), dropAfterAccept);
        connector._server = await LoopbackServer.StartAsync(connector.HandleAsync);
        return connector;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _calls);
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + BotUnderTest.AccessToken)
        {
            Interlocked.Increment(ref _withoutToken);
        }
        var path = context.Request.Path.Value ?? "";
        if (_throttle?.TryAccept(ConversationOf(path)) is { } retryAfter)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }
        if (HttpMethods.IsPost(context.Request.Method) && path.Contains("/activities", StringComparison.Ordinal))
        {
            var body = await ReadBodyAsync(context.Request);
            _ledger.Replied(FindKey(body.Buffer, _keyName), arrived);
            if (_firstReply is null)
            {
                Interlocked.CompareExchange(ref _firstReply, System.Text.EncodingExtensions.GetString(System.Text.Encoding.UTF8, body.Buffer), null);
            }
            context.Request.BodyReader.AdvanceTo(body.Buffer.End);
            if (_dropAfterAccept > 0 && Random.Shared.NextDouble() < _dropAfterAccept)
            {
                // Accepted (and counted) but the sender never learns it: the case that can make a duplicate.
                Interlocked.Increment(ref _dropped);
                context.Abort();
                return;
            }
        }
        else
        {
            Interlocked.Increment(ref _otherCalls);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Accepted.Length;
        await context.Response.Body.WriteAsync(Accepted);
    }

    private static async Task<System.IO.Pipelines.ReadResult> ReadBodyAsync(HttpRequest request)
    {
        while (true)
        {
            var result = await request.BodyReader.ReadAsync();
            if (result.IsCompleted)
            {
                return result;
            }
            request.BodyReader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>The conversation a connector path addresses: the segment after <c>v3/conversations/</c>.</summary>
    private static string ConversationOf(string path)
    {
        const string marker = "/v3/conversations/";
        var start = path.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }
        var rest = path.AsSpan(start + marker.Length);
        var end = rest.IndexOf('/');
        return Uri.UnescapeDataString((end < 0 ? rest : rest[..end]).ToString());
    }

    /// <summary>The top-level string property <paramref name="name"/>, or empty.</summary>
    private static string FindKey(ReadOnlySequence<byte> body, byte[] name)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    if (reader.ValueTextEquals(name))
                    {
                        reader.Read();
                        return reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "";
                    }
                    reader.Read();
                    reader.TrySkip();
                }
            }
        }
        catch (JsonException)
        {
            // counted as an unknown reply
        }
        return "";
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
