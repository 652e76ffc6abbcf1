using System.Text;
using GiBot.Protocol.Connector;

namespace GiBot.Tests.Connector;

/// <summary>
/// <see cref="RequestWriteCoalescer"/> over a recording stream: a request with a Content-Length reaches it in one
/// write with the same bytes; anything whose end cannot be told, or must not be waited for, passes as written.
/// </summary>
public sealed class RequestWriteCoalescerTests
{
    private const string Post = "POST /v3/conversations/a%3Achat/activities HTTP/1.1\r\nHost: 127.0.0.1\r\n";

    private readonly RecordingStream _inner = new();
    private readonly CountingArrayPool _pool = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Head_and_body_in_two_writes_reach_the_inner_stream_as_one_write(bool synchronous)
    {
        var coalescer = Coalescer();
        var head = Head("Content-Type: application/json; charset=utf-8\r\nContent-Length: 7600\r\n");
        var body = Body(7600);

        await WriteAsync(coalescer, head, synchronous);
        await WriteAsync(coalescer, body, synchronous);

        Assert.Equal([[.. head, .. body]], _inner.Writes);
        Assert.Equal(_pool.Rented, _pool.Returned);
        Assert.Single(_pool.Returned);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_request_written_in_three_parts_reaches_the_inner_stream_as_one_write(bool synchronous)
    {
        var coalescer = Coalescer();
        byte[] request = [.. Head("Content-Length: 10000\r\n"), .. Body(10000)];

        await WriteAsync(coalescer, request[..4096], synchronous);
        await WriteAsync(coalescer, request[4096..7000], synchronous);
        await WriteAsync(coalescer, request[7000..], synchronous);

        Assert.Equal([request], _inner.Writes);
        Assert.Single(_pool.Returned);
    }

    [Fact]
    public async Task A_request_written_whole_passes_straight_through_without_a_copy()
    {
        var coalescer = Coalescer();
        byte[] request = [.. Head("Content-Length: 7600\r\n"), .. Body(7600)];

        await coalescer.WriteAsync(request);

        Assert.Equal([request], _inner.Writes);
        Assert.Empty(_pool.Rented);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Content-Length: 0\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\n")]
    [InlineData("Content-Length: 7600\r\nTransfer-Encoding: chunked\r\n")]
    [InlineData("Content-Length: 7600\r\nExpect: 100-continue\r\n")]
    [InlineData("Upgrade: websocket\r\nContent-Length: 7600\r\n")]
    [InlineData("Content-Length: 76x0\r\n")]
    [InlineData("Content-Length: -7600\r\n")]
    [InlineData("Content-Length: +7600\r\n")]
    [InlineData("Content-Length: \r\n")]
    [InlineData("Content-Length: 7600, 7600\r\n")]
    [InlineData("Content-Length: 7600\r\nContent-Length: 7601\r\n")]
    [InlineData("Content-Length: 7600\r\nContent-Length : 5\r\n")]
    [InlineData("X-Folded: a\r\n b: c\r\nContent-Length: 7600\r\n")]
    [InlineData("Content-Length: 7600\r\nX-Bare: a\nContent-Length: 5\r\n")]
    [InlineData("Content-Length: 1234567890123456789012\r\n")]
    public async Task A_request_whose_end_is_unknown_or_must_not_be_waited_for_passes_as_written(string fields)
    {
        var coalescer = Coalescer();
        var head = Head(fields);
        var body = Body(7600);

        await coalescer.WriteAsync(head);
        await coalescer.WriteAsync(body);

        Assert.Equal([head, body], _inner.Writes);
        Assert.Empty(_pool.Rented);
    }

    [Fact]
    public async Task A_connect_request_and_the_tunnel_after_it_pass_as_written()
    {
        var coalescer = Coalescer();
        var connect = Encoding.ASCII.GetBytes("CONNECT smba.trafficmanager.net:443 HTTP/1.1\r\nHost: smba.trafficmanager.net:443\r\n\r\n");
        // Tunnelled bytes that happen to read as a request head must not be held.
        var tunnelled = Head("Content-Length: 7600\r\n");

        await coalescer.WriteAsync(connect);
        await coalescer.WriteAsync(tunnelled);
        await coalescer.WriteAsync(Body(7600));

        Assert.Equal([connect, tunnelled, Body(7600)], _inner.Writes);
        Assert.Empty(_pool.Rented);
    }

    [Fact]
    public async Task A_head_split_over_writes_passes_as_written()
    {
        var coalescer = Coalescer();
        byte[] request = [.. Head("Content-Length: 7600\r\n"), .. Body(7600)];

        await coalescer.WriteAsync(request.AsMemory(0, 20));
        await coalescer.WriteAsync(request.AsMemory(20, 200));
        await coalescer.WriteAsync(request.AsMemory(220));

        Assert.Equal([request[..20], request[20..220], request[220..]], _inner.Writes);
        Assert.Empty(_pool.Rented);
    }

    [Fact]
    public async Task A_request_over_the_cap_passes_as_written_and_the_next_one_is_held_again()
    {
        var coalescer = Coalescer();
        var large = RequestWriteCoalescer.MaxHeldRequest;
        var head = Head($"Content-Length: {large}\r\n");
        var body = Body(large);
        var next = Head("Content-Length: 7600\r\n");

        await coalescer.WriteAsync(head);
        await coalescer.WriteAsync(body.AsMemory(0, 4096));
        await coalescer.WriteAsync(body.AsMemory(4096));
        await coalescer.WriteAsync(next);
        await coalescer.WriteAsync(Body(7600));

        Assert.Equal([head, body[..4096], body[4096..], [.. next, .. Body(7600)]], _inner.Writes);
        Assert.Single(_pool.Rented);
    }

    [Fact]
    public async Task Requests_in_sequence_each_reach_the_inner_stream_in_one_write()
    {
        var coalescer = Coalescer();
        var first = Head("Content-Length: 7600\r\n");
        var get = Encoding.ASCII.GetBytes("GET /v3/conversations/a%3Achat/pagedmembers HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var second = Head("Content-Length: 5000\r\n");

        await coalescer.WriteAsync(first);
        await coalescer.WriteAsync(Body(7600));
        await coalescer.WriteAsync(get);
        await coalescer.WriteAsync(second);
        await coalescer.WriteAsync(Body(5000));

        Assert.Equal([[.. first, .. Body(7600)], get, [.. second, .. Body(5000)]], _inner.Writes);
        Assert.Equal(2, _pool.Returned.Count);
    }

    [Theory]
    [InlineData("content-length: 7600\r\n")]
    [InlineData("CONTENT-LENGTH:7600\r\n")]
    [InlineData("Content-Length: \t7600 \t\r\n")]
    [InlineData("Content-Length: 7600\r\ncontent-length: 7600\r\n")]
    [InlineData("Content-Length: 007600\r\n")]
    public async Task Header_names_match_in_any_case_values_may_have_white_space_and_a_repeat_may_agree(string fields)
    {
        var coalescer = Coalescer();
        var head = Head(fields);

        await coalescer.WriteAsync(head);
        await coalescer.WriteAsync(Body(7600));

        Assert.Equal([[.. head, .. Body(7600)]], _inner.Writes);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task A_failing_inner_write_surfaces_and_its_array_never_goes_back_to_the_pool(bool synchronous, bool cancelled)
    {
        var coalescer = Coalescer();
        await WriteAsync(coalescer, Head("Content-Length: 7600\r\n"), synchronous);
        Exception failure = cancelled ? new OperationCanceledException() : new IOException("Connection reset by peer");
        _inner.FailWrites = failure;

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => WriteAsync(coalescer, Body(7600), synchronous));

        Assert.Same(failure, thrown);
        Assert.Single(_pool.Rented);
        Assert.Empty(_pool.Returned);
    }

    [Fact]
    public async Task The_array_goes_back_to_the_pool_only_once_the_inner_write_has_completed()
    {
        var coalescer = Coalescer();
        await coalescer.WriteAsync(Head("Content-Length: 7600\r\n"));
        var sent = new TaskCompletionSource();
        _inner.WritesWaitFor = sent.Task;

        var writing = coalescer.WriteAsync(Body(7600)).AsTask();

        Assert.False(writing.IsCompleted);
        Assert.Empty(_pool.Returned);
        sent.SetResult();
        await writing;
        Assert.Equal(_pool.Rented, _pool.Returned);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_flush_sends_what_is_held_and_the_rest_of_the_request_follows_as_written(bool synchronous)
    {
        var coalescer = Coalescer();
        var head = Head("Content-Length: 7600\r\n");
        var body = Body(7600);
        var next = Head("Content-Length: 100\r\n");

        await coalescer.WriteAsync(head);
        if (synchronous)
        {
            coalescer.Flush();
        }
        else
        {
            await coalescer.FlushAsync();
        }
        await coalescer.WriteAsync(body);
        await coalescer.WriteAsync(next);
        await coalescer.WriteAsync(Body(100));

        Assert.Equal([head, body, [.. next, .. Body(100)]], _inner.Writes);
        Assert.Equal(1, _inner.Flushes);
        Assert.Equal(2, _pool.Returned.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bytes_past_the_end_of_a_held_request_follow_it_in_order(bool synchronous)
    {
        var coalescer = Coalescer();
        byte[] request = [.. Head("Content-Length: 7600\r\n"), .. Body(7600)];
        var pipelined = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        await WriteAsync(coalescer, request[..4096], synchronous);
        await WriteAsync(coalescer, [.. request[4096..], .. pipelined], synchronous);

        Assert.Equal([request, pipelined], _inner.Writes);
    }

    [Fact]
    public async Task Reads_and_disposal_reach_the_inner_stream()
    {
        var answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        var inner = new RecordingStream(new MemoryStream(answer));
        var coalescer = new RequestWriteCoalescer(inner, _pool);
        var read = new byte[answer.Length];

        await coalescer.ReadExactlyAsync(read);
        await coalescer.DisposeAsync();

        Assert.Equal(answer, read);
        Assert.True(inner.Disposed);
    }

    private RequestWriteCoalescer Coalescer() => new(_inner, _pool);

    private static byte[] Head(string fields) => Encoding.ASCII.GetBytes(Post + fields + "\r\n");

    /// <summary>JSON text of exactly <paramref name="length"/> UTF-8 bytes, mostly Chinese as GiBot's replies are.</summary>
    internal static byte[] Body(int length)
    {
        const string Prefix = "{\"type\":\"message\",\"text\":\"";
        const string Suffix = "\"}";
        var fill = length - Prefix.Length - Suffix.Length;
        return Encoding.UTF8.GetBytes(Prefix + new string('进', fill / 3) + new string('x', fill % 3) + Suffix);
    }

    private static async Task WriteAsync(Stream stream, byte[] bytes, bool synchronous)
    {
        if (synchronous)
        {
            stream.Write(bytes);
            return;
        }
        await stream.WriteAsync(bytes);
    }
}
