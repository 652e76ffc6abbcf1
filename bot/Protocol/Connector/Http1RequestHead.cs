using System.Text;

namespace GiBot.Protocol.Connector;

/// <summary>
/// Reads the head (request line and header fields, up to the first empty line) of an HTTP/1.x request at the start
/// of some bytes, to tell where that request ends: after the head plus its <c>Content-Length</c>. Anything that
/// makes the end uncertain, or that makes the sender wait for the server before the body (Expect), or that turns the
/// connection into something other than requests (CONNECT, Upgrade), is reported as unreadable.
/// </summary>
internal static class Http1RequestHead
{
    /// <summary>More digits could overflow a long; no request that long is ever held anyway.</summary>
    private const int MaxLengthDigits = 18;

    /// <summary>
    /// True when <paramref name="bytes"/> start with a complete, plain request head: <paramref name="headLength"/> is its
    /// length with the closing empty line, <paramref name="contentLength"/> the body's length (0 when it has none).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out int headLength, out long contentLength)
    {
        headLength = 0;
        contentLength = 0;
        var end = bytes.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }
        // Every line of the head, each with its CRLF.
        var lines = bytes[..(end + 2)];
        var lineEnd = lines.IndexOf("\r\n"u8);
        if (!IsPlainRequestLine(lines[..lineEnd]))
        {
            return false;
        }
        lines = lines[(lineEnd + 2)..];
        long length = -1;
        while (!lines.IsEmpty)
        {
            lineEnd = lines.IndexOf("\r\n"u8);
            var line = lines[..lineEnd];
            lines = lines[(lineEnd + 2)..];
            if (!TrySplitField(line, out var name, out var value))
            {
                return false;
            }
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!TryParseLength(value, out var parsed) || (length >= 0 && parsed != length))
                {
                    return false;
                }
                length = parsed;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8) || Ascii.EqualsIgnoreCase(name, "Expect"u8)
                || Ascii.EqualsIgnoreCase(name, "Upgrade"u8))
            {
                return false;
            }
        }
        headLength = end + 4;
        // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112, 6.3).
        contentLength = Math.Max(length, 0);
        return true;
    }

    private static bool IsPlainRequestLine(ReadOnlySpan<byte> line) =>
        line.IndexOfAny((byte)'\r', (byte)'\n') < 0
        && (line.EndsWith(" HTTP/1.1"u8) || line.EndsWith(" HTTP/1.0"u8))
        && !line.StartsWith("CONNECT "u8);

    /// <summary>
    /// <c>name ":" OWS value OWS</c>. A name with white space in or around it, or a stray CR or LF, is refused:
    /// the server might read such a line differently.
    /// </summary>
    private static bool TrySplitField(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var colon = line.IndexOf((byte)':');
        name = colon > 0 ? line[..colon] : default;
        value = colon > 0 ? line[(colon + 1)..].Trim(" \t"u8) : default;
        return colon > 0 && name.IndexOfAny(" \t"u8) < 0 && line.IndexOfAny((byte)'\r', (byte)'\n') < 0;
    }

    private static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        if (value.IsEmpty || value.Length > MaxLengthDigits)
        {
            return false;
        }
        foreach (var digit in value)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            length = length * 10 + (digit - '0');
        }
        return true;
    }
}
