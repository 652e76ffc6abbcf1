using System.Net;
using System.Net.Http.Headers;

namespace GiBot.Protocol.Connector;

/// <summary>
/// A JSON request body that tells the rate limiter when it goes on the wire: the HTTP handler writes the
/// body right after the headers, on a connection already open, which is as close as a client gets to the
/// moment the connector receives the call. Bytes, not a stream: a retry sends the same content again.
/// </summary>
internal sealed class ConnectorContent : HttpContent
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    private readonly byte[] _body;
    private ConnectorPermit? _permit;

    public ConnectorContent(byte[] body)
    {
        _body = body;
        Headers.ContentType = JsonUtf8;
    }

    /// <summary>The permit of the attempt about to send this body; marked sent when the body is written.</summary>
    public void SendWith(ConnectorPermit permit) => Volatile.Write(ref _permit, permit);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _permit, null)?.Sent();
        return stream.WriteAsync(_body, cancellationToken).AsTask();
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _permit, null)?.Sent();
        stream.Write(_body);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_body, writable: false));
}
