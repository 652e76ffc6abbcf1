using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using GiBot.Protocol.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace GiBot.Tests.Connector;

/// <summary>
/// <see cref="RequestWriteCoalescer"/> under a real <see cref="SocketsHttpHandler"/> talking to Kestrel on loopback:
/// a reply of 7.6 KB leaves in one write and arrives whole, and the connection goes on serving other requests.
/// </summary>
public sealed class RequestWriteCoalescerEndToEndTests
{
    private const int ReplyLength = 7600;

    [Fact]
    public async Task A_reply_leaves_in_one_write_arrives_whole_and_the_pooled_connection_serves_what_follows()
    {
        await using var server = await RecordingServer.StartAsync();
        var connections = new ConcurrentQueue<RecordingStream>();
        using var handler = new SocketsHttpHandler
        {
            PlaintextStreamFilter = (context, _) =>
            {
                var recording = new RecordingStream(context.PlaintextStream);
                connections.Enqueue(recording);
                return ValueTask.FromResult<Stream>(new RequestWriteCoalescer(recording));
            },
        };
        using var http = new HttpMessageInvoker(handler);
        var reply = RequestWriteCoalescerTests.Body(ReplyLength);
        var small = RequestWriteCoalescerTests.Body(200);

        await SendAsync(http, HttpMethod.Post, server.Url("v3/conversations/a/activities/1"), reply);
        await SendAsync(http, HttpMethod.Get, server.Url("v3/conversations/a/pagedmembers"), null);
        await SendAsync(http, HttpMethod.Post, server.Url("v3/conversations/a/activities"), small);
        await SendAsync(http, HttpMethod.Post, server.Url("v3/conversations/a/activities/2"), reply);

        Assert.Equal(["POST", "GET", "POST", "POST"], server.Requests.Select(r => r.Method));
        Assert.Equal([reply, [], small, reply], server.Requests.Select(r => r.Body));
        var connection = Assert.Single(connections);
        var writes = connection.Writes.ToArray();
        Assert.Equal(4, writes.Length);
        Assert.EndsWith(Convert.ToHexString(reply), Convert.ToHexString(writes[0]));
        Assert.EndsWith(Convert.ToHexString(reply), Convert.ToHexString(writes[3]));
    }

    [Fact]
    public async Task The_connector_handler_sends_a_reply_in_one_write_to_the_socket()
    {
        await using var server = await RecordingServer.StartAsync();
        var sockets = new ConcurrentQueue<RecordingStream>();
        using var handler = ConnectorHttp.CreateHandler(new ConnectorConnectionOptions());
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            var recording = new RecordingStream(new NetworkStream(socket, ownsSocket: true));
            sockets.Enqueue(recording);
            return recording;
        };
        using var http = new HttpMessageInvoker(handler);
        var reply = RequestWriteCoalescerTests.Body(ReplyLength);

        await SendAsync(http, HttpMethod.Post, server.Url("v3/conversations/a/activities/1"), reply);

        Assert.Equal(reply, Assert.Single(server.Requests).Body);
        Assert.Single(Assert.Single(sockets).Writes);
    }

    [Fact]
    public async Task An_http2_connection_is_left_unwrapped()
    {
        await using var server = await RecordingServer.StartAsync(HttpProtocols.Http2);
        var filtered = new ConcurrentQueue<(Version Version, bool Unwrapped)>();
        using var handler = new SocketsHttpHandler
        {
            PlaintextStreamFilter = async (context, cancellationToken) =>
            {
                var stream = await RequestWriteCoalescer.Wrap(context, cancellationToken);
                filtered.Enqueue((context.NegotiatedHttpVersion, ReferenceEquals(stream, context.PlaintextStream)));
                return stream;
            },
        };
        using var http = new HttpMessageInvoker(handler);
        var reply = RequestWriteCoalescerTests.Body(ReplyLength);

        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url("v3/conversations/a/activities"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(reply),
        };
        using var response = await http.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(reply, Assert.Single(server.Requests).Body);
        Assert.Equal((HttpVersion.Version20, true), Assert.Single(filtered));
    }

    private static async Task SendAsync(HttpMessageInvoker http, HttpMethod method, Uri uri, byte[]? body)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : new ConnectorContent(body) };
        using var response = await http.SendAsync(request, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"id\":\"1\"}", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Kestrel on loopback, keeping each request's method and body, answering 200 with a small JSON body.</summary>
    private sealed class RecordingServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private RecordingServer(WebApplication app) => _app = app;

        public ConcurrentQueue<(string Method, byte[] Body)> Requests { get; } = new();

        public Uri Url(string path) => new(new Uri(_app.Urls.First()), path);

        public static async Task<RecordingServer> StartAsync(HttpProtocols protocols = HttpProtocols.Http1)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new RecordingServer(app);
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                server.Requests.Enqueue((context.Request.Method, body.ToArray()));
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"id\":\"1\"}");
            });
            await app.StartAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
