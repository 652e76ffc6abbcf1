using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace GiBot.Tests.Infrastructure;

/// <summary>A channel signing key: an RSA key pair, its <c>kid</c> and the channels it is endorsed for.</summary>
public sealed class ChannelKey(string keyId, params string[] endorsements) : IDisposable
{
    public string KeyId { get; } = keyId;

    public IReadOnlyList<string> Endorsements { get; } = endorsements;

    public RSA Rsa { get; } = RSA.Create(2048);

    public SigningCredentials SigningCredentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(Rsa) { KeyId = KeyId }, algorithm);

    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        };
    }

    public void Dispose() => Rsa.Dispose();
}

/// <summary>
/// The Microsoft side of authentication on a local HTTPS server (a <see cref="TestPki"/> certificate):
/// the channel's OpenID metadata, its keys document with endorsements, and an Entra-style OAuth token
/// endpoint at <c>/{tenant}/oauth2/v2.0/token</c>, and an App Service style managed identity endpoint. Counts every request so tests can see caching.
/// </summary>
public sealed class FakeCloud : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.gibot.test";
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";

    /// <summary>An App Service style managed identity endpoint (<c>IDENTITY_ENDPOINT</c>).</summary>
    public const string ManagedIdentityPath = "/msi/token";
    public const string ManagedIdentitySecret = "gibot-test-identity-header";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ChannelKey> _published = new();
    private int _metadataRequests;
    private int _keysRequests;
    private int _tokenRequests;

    private FakeCloud(WebApplication app, string tenant)
    {
        _app = app;
        Tenant = tenant;
    }

    public string Tenant { get; }

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => BaseUrl + MetadataPath;

    /// <summary>The MSAL authority (<c>ToChannelFromBotLoginUrl</c>).</summary>
    public string LoginUrl => BaseUrl + "/" + Tenant;

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeysRequests => Volatile.Read(ref _keysRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Form fields of every token request, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequestForms { get; } = new();

    public ConcurrentQueue<string> IssuedTokens { get; } = new();

    /// <summary>Query strings of every managed identity token request, in order.</summary>
    public ConcurrentQueue<string> ManagedIdentityQueries { get; } = new();

    /// <summary>Requests for anything this server does not serve (e.g. discovery calls nobody should make).</summary>
    public ConcurrentQueue<string> OtherRequests { get; } = new();

    public static async Task<FakeCloud> StartAsync(TestPki pki, string tenant = "gibot-test-tenant")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(pki.ServerCertificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var cloud = new FakeCloud(app, tenant);
        app.Run(cloud.HandleAsync);
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        cloud.BaseUrl = $"https://127.0.0.1:{port}";
        return cloud;
    }

    /// <summary>Adds keys to the keys document (the channel rotating keys in).</summary>
    public void Publish(params ChannelKey[] keys)
    {
        foreach (var key in keys)
        {
            _published[key.KeyId] = key;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        context.Response.ContentType = "application/json";
        if (HttpMethods.IsGet(context.Request.Method) && path == MetadataPath)
        {
            Interlocked.Increment(ref _metadataRequests);
            await context.Response.WriteAsync(new JsonObject
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = BaseUrl + KeysPath,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }.ToJsonString());
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) && path == KeysPath)
        {
            Interlocked.Increment(ref _keysRequests);
            var keys = new JsonArray(_published.Values.OrderBy(k => k.KeyId, StringComparer.Ordinal).Select(k => (JsonNode?)k.ToJwk()).ToArray());
            await context.Response.WriteAsync(new JsonObject { ["keys"] = keys }.ToJsonString());
            return;
        }
        if (HttpMethods.IsPost(context.Request.Method) && path == $"/{Tenant}/oauth2/v2.0/token" && context.Request.HasFormContentType)
        {
            var number = Interlocked.Increment(ref _tokenRequests);
            var form = await context.Request.ReadFormAsync();
            TokenRequestForms.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
            var token = $"gibot-test-access-token-{number}-{Guid.NewGuid():N}";
            IssuedTokens.Enqueue(token);
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = token,
            }));
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) && path == ManagedIdentityPath
            && context.Request.Headers["X-IDENTITY-HEADER"] == ManagedIdentitySecret)
        {
            ManagedIdentityQueries.Enqueue(context.Request.QueryString.Value ?? "");
            var token = $"gibot-test-msi-token-{ManagedIdentityQueries.Count}-{Guid.NewGuid():N}";
            IssuedTokens.Enqueue(token);
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["access_token"] = token,
                ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = context.Request.Query["resource"].ToString(),
                ["token_type"] = "Bearer",
                ["client_id"] = context.Request.Query["client_id"].ToString(),
            }));
            return;
        }
        OtherRequests.Enqueue(context.Request.Method + " " + path + context.Request.QueryString);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsync("""{"error":"not_found"}""");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
