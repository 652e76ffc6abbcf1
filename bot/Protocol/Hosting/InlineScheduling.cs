using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace GiBot.Protocol.Hosting;

/// <summary>
/// <c>Messages:InlineScheduling</c>: Kestrel runs a request's code on the thread that completed its socket read
/// (<see cref="SocketTransportOptions.UnsafePreferInlineScheduling"/>) instead of handing it to another thread.
/// </summary>
public static class InlineScheduling
{
    public const string Key = "Messages:InlineScheduling";

    public static void Configure(SocketTransportOptions options, IConfiguration configuration)
    {
        if (bool.TryParse(configuration[Key], out var inline))
        {
            options.UnsafePreferInlineScheduling = inline;
        }
    }
}
