using System.Buffers;

namespace GiBot.Protocol.Connector;

/// <summary>
/// Wraps an HTTP/1.x connection's plaintext stream (above TLS) so that each request whose head carries a
/// <c>Content-Length</c> reaches the inner stream in one write. <see cref="SocketsHttpHandler"/> writes a request's
/// head from a 4 KB buffer and its body after it, so a body of a few KB costs two sends (two TLS records, two
/// wake-ups of the receiver); this holds the head and the body's first writes, in a pooled array, until exactly the
/// whole request is there. Everything else passes through as it comes: a request with no body, one written whole
/// in a single write, one over <see cref="MaxHeldRequest"/>, and, from then on for the whole connection, any request
/// whose end cannot be told from its head (<see cref="Http1RequestHead"/>). Reads pass through.
/// </summary>
internal sealed class RequestWriteCoalescer(Stream inner, ArrayPool<byte> pool) : Stream
{
    /// <summary>Teams refuses messages over about 100 KB; a larger request is sent as it is written.</summary>
    internal const int MaxHeldRequest = 128 * 1024;

    private Framing _framing;
    private byte[]? _held;
    private int _heldLength;
    private int _requestLength;
    private long _bodyLeft;

    public RequestWriteCoalescer(Stream inner)
        : this(inner, ArrayPool<byte>.Shared)
    {
    }

    private enum Framing
    {
        /// <summary>The next write begins a request.</summary>
        RequestStart,

        /// <summary>The request so far is in <see cref="_held"/>.</summary>
        Holding,

        /// <summary>The request is passing through; <see cref="_bodyLeft"/> bytes of it are still to come.</summary>
        PassingBody,

        /// <summary>Where requests end is unknown: everything passes through until the connection closes.</summary>
        Untracked,
    }

    /// <summary>
    /// For <see cref="SocketsHttpHandler.PlaintextStreamFilter"/>: HTTP/1.x connections are wrapped; an HTTP/2
    /// connection frames its own writes and is left as it is.
    /// </summary>
    public static ValueTask<Stream> Wrap(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.NegotiatedHttpVersion.Major == 1 ? new RequestWriteCoalescer(context.PlaintextStream) : context.PlaintextStream);

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override void CopyTo(Stream destination, int bufferSize) => inner.CopyTo(destination, bufferSize);

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        inner.CopyToAsync(destination, bufferSize, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_framing == Framing.Holding)
        {
            var taken = Fill(buffer, out var request);
            if (request is not { } complete)
            {
                return;
            }
            WriteHeld(complete);
            if (taken < buffer.Length)
            {
                inner.Write(buffer[taken..]);
            }
            return;
        }
        if (!StartsHeldRequest(buffer))
        {
            inner.Write(buffer);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }
        if (_framing == Framing.Holding)
        {
            var taken = Fill(buffer.Span, out var request);
            if (request is not { } complete)
            {
                return default;
            }
            return taken < buffer.Length
                ? WriteHeldThenAsync(complete, buffer[taken..], cancellationToken)
                : WriteHeldAsync(complete, cancellationToken);
        }
        return StartsHeldRequest(buffer.Span) ? default : inner.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>A flush asks for what was written to go out: a request held so far goes out unfinished.</summary>
    public override void Flush()
    {
        if (Release() is { } request)
        {
            WriteHeld(request);
        }
        inner.Flush();
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Release() is { } request)
        {
            await WriteHeldAsync(request, cancellationToken).ConfigureAwait(false);
        }
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // A request still held is dropped with the stream (never sent unfinished), and its array is not returned to the
    // pool: a write cancelled by disposing the connection may still be copying into it.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return inner.DisposeAsync();
    }

    /// <summary>
    /// Follows a write that is not part of a held request; true when it begins a request to hold, which it then
    /// copies, false when it passes through.
    /// </summary>
    private bool StartsHeldRequest(ReadOnlySpan<byte> bytes)
    {
        if (_framing == Framing.PassingBody)
        {
            _bodyLeft -= bytes.Length;
            _framing = _bodyLeft switch
            {
                > 0 => Framing.PassingBody,
                0 => Framing.RequestStart,
                // Bytes past the request's end: another request, sent without waiting for an answer.
                _ => Framing.Untracked,
            };
            return false;
        }
        if (_framing != Framing.RequestStart || bytes.IsEmpty)
        {
            return false;
        }
        if (!Http1RequestHead.TryRead(bytes, out var headLength, out var contentLength))
        {
            _framing = Framing.Untracked;
            return false;
        }
        var requestLength = headLength + contentLength;
        if (bytes.Length >= requestLength)
        {
            _framing = bytes.Length == requestLength ? Framing.RequestStart : Framing.Untracked;
            return false;
        }
        if (requestLength > MaxHeldRequest)
        {
            _framing = Framing.PassingBody;
            _bodyLeft = requestLength - bytes.Length;
            return false;
        }
        _requestLength = (int)requestLength;
        _held = pool.Rent(_requestLength);
        bytes.CopyTo(_held);
        _heldLength = bytes.Length;
        _framing = Framing.Holding;
        return true;
    }

    /// <summary>
    /// Copies what the held request still lacks from <paramref name="bytes"/> and returns how many bytes it took. When
    /// that completes the request, <paramref name="request"/> is handed out (no longer held) to be written.
    /// </summary>
    private int Fill(ReadOnlySpan<byte> bytes, out HeldRequest? request)
    {
        var taken = Math.Min(bytes.Length, _requestLength - _heldLength);
        bytes[..taken].CopyTo(_held!.AsSpan(_heldLength));
        _heldLength += taken;
        if (_heldLength < _requestLength)
        {
            request = null;
            return taken;
        }
        request = new HeldRequest(_held!, _heldLength);
        _held = null;
        _framing = taken == bytes.Length ? Framing.RequestStart : Framing.Untracked;
        return taken;
    }

    /// <summary>The request held so far, handed out unfinished: its remaining bytes will pass through.</summary>
    private HeldRequest? Release()
    {
        if (_framing != Framing.Holding)
        {
            return null;
        }
        var request = new HeldRequest(_held!, _heldLength);
        _held = null;
        _bodyLeft = _requestLength - _heldLength;
        _framing = Framing.PassingBody;
        return request;
    }

    private void WriteHeld(HeldRequest request)
    {
        try
        {
            inner.Write(request.Array, 0, request.Length);
        }
        catch
        {
            Untrack();
            throw;
        }
        pool.Return(request.Array);
    }

    private ValueTask WriteHeldAsync(HeldRequest request, CancellationToken cancellationToken)
    {
        ValueTask write;
        try
        {
            write = inner.WriteAsync(request.Array.AsMemory(0, request.Length), cancellationToken);
        }
        catch
        {
            Untrack();
            throw;
        }
        if (!write.IsCompletedSuccessfully)
        {
            return AwaitHeldAsync(write, request.Array);
        }
        write.GetAwaiter().GetResult();
        pool.Return(request.Array);
        return default;
    }

    private async ValueTask AwaitHeldAsync(ValueTask write, byte[] array)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch
        {
            Untrack();
            throw;
        }
        pool.Return(array);
    }

    private async ValueTask WriteHeldThenAsync(HeldRequest request, ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
    {
        await WriteHeldAsync(request, cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(rest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a failed write, what the inner stream sent is unknown.</summary>
    private void Untrack() => _framing = Framing.Untracked;

    /// <summary>A request's bytes in a pooled array, returned to the pool only once the inner stream has taken them.</summary>
    private readonly record struct HeldRequest(byte[] Array, int Length);
}
