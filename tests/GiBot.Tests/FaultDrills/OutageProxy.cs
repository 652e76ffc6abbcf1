using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GiBot.Tests.FaultDrills;

/// <summary>
/// A loopback HTTP front for a connector that answers every call with 503 until the outage ends, then
/// forwards calls unchanged. What reaches the connector behind it was accepted; nothing else was.
/// </summary>
public sealed class OutageProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new();
    private readonly Uri _target;
    private long _outageEndsTicks;
    private int _refused;

    private OutageProxy(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
    }

    public string Url { get; private set; } = "";

    /// <summary>Calls answered 503 so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public static async Task<OutageProxy> StartAsync(string targetServiceUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new OutageProxy(app, new Uri(targetServiceUrl));
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.Url = app.Urls.First() + "/";
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
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }
}
