using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GiBot.Load;

/// <summary>
/// The Microsoft identity side on loopback HTTPS: the channel's OpenID metadata and keys document
/// (what the bot validates inbound tokens with) and an Entra-style client-credentials token endpoint
/// at <c>/{tenant}/oauth2/v2.0/token</c> (what MSAL calls for outbound tokens).
/// </summary>
public sealed class FakeCloud : IAsyncDisposable
{
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";
    public const string AccessToken = "gibot-load-access-token";

    private readonly WebApplication _app;
    private int _tokenRequests;
    private int _keyRequests;

    private FakeCloud(WebApplication app, string tenant)
    {
        _app = app;
        Tenant = tenant;
    }

    public string Tenant { get; }

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => BaseUrl + MetadataPath;

    public string LoginUrl => BaseUrl + "/" + Tenant;

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<FakeCloud> StartAsync(BenchPki pki, ChannelSigner signer, string tenant)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(pki.ServerCertificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var cloud = new FakeCloud(app, tenant);
        var keys = signer.KeysDocument();
        app.MapGet(MetadataPath, () => Results.Text(
            $$"""{"issuer":"{{ChannelSigner.Issuer}}","jwks_uri":"{{cloud.BaseUrl}}{{KeysPath}}","id_token_signing_alg_values_supported":["RS256"]}""",
            "application/json"));
        app.MapGet(KeysPath, () =>
        {
            Interlocked.Increment(ref cloud._keyRequests);
            return Results.Text(keys, "application/json");
        });
        app.MapPost($"/{tenant}/oauth2/v2.0/token", () =>
        {
            Interlocked.Increment(ref cloud._tokenRequests);
            return Results.Text(
                $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"{{AccessToken}}"}""",
                "application/json");
        });
        await app.StartAsync();
        cloud.BaseUrl = $"https://127.0.0.1:{new Uri(app.Urls.First()).Port}";
        return cloud;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
