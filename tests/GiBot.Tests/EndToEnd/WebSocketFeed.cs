using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace GiBot.Tests.EndToEnd;

/// <summary>
/// Collects the JSON frames of one playground websocket into an append-only list that tests can wait on.
/// The playground buffers frames while no client is connected and flushes them to the next one, so
/// frames stamped before <see cref="ConnectedAt"/> are dropped: a feed sees only what happened after it connected.
/// </summary>
public sealed class WebSocketFeed<T> : IAsyncDisposable
    where T : class
{
    private readonly ClientWebSocket _socket = new();
    private readonly Func<JsonElement, long, T?> _parse;
    private readonly Func<T, long?> _timestamp;
    private readonly List<T> _items = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reader = Task.CompletedTask;

    private WebSocketFeed(Func<JsonElement, long, T?> parse, Func<T, long?> timestamp)
    {
        _parse = parse;
        _timestamp = timestamp;
    }

    public DateTimeOffset ConnectedAt { get; private set; }

    /// <summary>How many items arrived so far: pass it as <c>since</c> to wait only for later ones.</summary>
    public long Position
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public static async Task<WebSocketFeed<T>> ConnectAsync(Uri uri, Func<JsonElement, long, T?> parse, Func<T, long?> timestamp, CancellationToken cancellationToken)
    {
        var feed = new WebSocketFeed<T>(parse, timestamp);
        feed.ConnectedAt = DateTimeOffset.UtcNow;
        await feed._socket.ConnectAsync(uri, cancellationToken);
        feed._reader = Task.Run(feed.ReadAsync);
        return feed;
    }

    /// <summary>The first item at or after <paramref name="since"/> that matches, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<T> WaitAsync(Func<T, bool> predicate, TimeSpan timeout, long since, Func<string>? describe = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_items)
            {
                for (var i = (int)Math.Max(0, since); i < _items.Count; i++)
                {
                    if (predicate(_items[i]))
                    {
                        return _items[i];
                    }
                }
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _reader.IsCompleted)
            {
                var seen = string.Join("\n  ", Items.Skip((int)Math.Max(0, since)).Select(i => i.ToString()));
                var why = _reader.IsCompleted ? "the websocket closed" : $"nothing matched within {timeout}";
                throw new TimeoutException($"Playground stream: {why}. Seen since #{since}:\n  {(seen.Length == 0 ? "(nothing)" : seen)}{describe?.Invoke()}");
            }
            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                Add(text);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // stopped, or the playground went away: waiters see the completed reader
        }
        finally
        {
            Pulse();
        }
    }

    private void Add(string text)
    {
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return;
        }
        lock (_items)
        {
            var item = _parse(json, _items.Count);
            if (item is null || _timestamp(item) is { } stamp && stamp < ConnectedAt.ToUnixTimeMilliseconds())
            {
                return;
            }
            _items.Add(item);
        }
        Pulse();
    }

    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (_items)
        {
            previous = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        finally
        {
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}
