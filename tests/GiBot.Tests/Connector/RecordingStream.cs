using System.Collections.Concurrent;

namespace GiBot.Tests.Connector;

/// <summary>
/// A stream that keeps a copy of every write made to it, in order, and passes reads and writes on to an inner
/// stream when it has one. Writes can be made to fail or to wait.
/// </summary>
internal sealed class RecordingStream(Stream? inner = null) : Stream
{
    public ConcurrentQueue<byte[]> Writes { get; } = new();

    /// <summary>Thrown by every write from now on (after it is recorded).</summary>
    public Exception? FailWrites { get; set; }

    /// <summary>Asynchronous writes complete only when this completes.</summary>
    public Task? WritesWaitFor { get; set; }

    public int Flushes { get; private set; }

    public bool Disposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => inner?.Read(buffer, offset, count) ?? 0;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner?.ReadAsync(buffer, cancellationToken) ?? ValueTask.FromResult(0);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Writes.Enqueue(buffer.ToArray());
        if (FailWrites is { } failure)
        {
            throw failure;
        }
        inner?.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Writes.Enqueue(buffer.ToArray());
        if (WritesWaitFor is { } gate)
        {
            await gate;
        }
        if (FailWrites is { } failure)
        {
            throw failure;
        }
        if (inner is not null)
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
    }

    public override void Flush()
    {
        Flushes++;
        inner?.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return inner?.FlushAsync(cancellationToken) ?? Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Disposed = true;
            inner?.Dispose();
        }
        base.Dispose(disposing);
    }
}
