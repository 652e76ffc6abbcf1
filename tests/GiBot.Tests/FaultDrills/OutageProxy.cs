using System.Net.Http.Headers;
using GiBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace GiBot.Tests.FaultDrills;

/// <summary>
/// A loopback HTTP front for a connector that answers every call with 503 until the outage ends, then
/// forwards calls unchanged. What reaches the connector behind it was accepted; nothing else was.
/// </summary>
public sealed class OutageProxy : IAsyncDisposable
{
    private readonly HttpClient _forward = new();
    private readonly Uri _target;
    private LoopbackServer? _server;
    private long _outageEndsTicks;
    private int _refused;

    private OutageProxy(Uri target) => _target = target;

    public string Url => _server is null ? "" : _server.BaseUrl + "/";

    /// <summary>Calls answered 503 so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public static async Task<OutageProxy> StartAsync(string targetServiceUrl)
    {
        var proxy = new OutageProxy(new Uri(targetServiceUrl));
        proxy._server = await LoopbackServer.StartAsync(proxy.HandleAsync);
        return proxy;
    }

    public void BeginOutage(TimeSpan length) => Interlocked.Exchange(ref _outageEndsTicks, (DateTime.UtcNow + length).Ticks);

    public bool InOutage => DateTime.UtcNow.Ticks < Interlocked.Read(ref _outageEndsTicks);

    private async Task HandleAsync(HttpContext context)
    {
        if (InOutage)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("""{"error":{"code":"ServiceUnavailable","message":"drill outage"}}""");
            return;
        }
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_target, context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString.Value));
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        request.Content = new ByteArrayContent(body.ToArray());
        if (context.Request.ContentType is { } type)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }
        if (context.Request.Headers.Authorization.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
        }
        using var response = await _forward.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } responseType)
        {
            context.Response.ContentType = responseType.ToString();
        }
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _forward.Dispose();
    }
}
