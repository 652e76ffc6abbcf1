using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GiBot.Tests.Infrastructure;

/// <summary>
/// The Microsoft side of authentication on a local HTTPS server (a <see cref="TestPki"/> certificate):
/// the channel's OpenID metadata, its keys document with endorsements, an Entra-style OAuth token
/// endpoint at <c>/{tenant}/oauth2/v2.0/token</c>, and an App Service style managed identity endpoint.
/// Counts every request so tests can see caching.
/// </summary>
public sealed class FakeCloud : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.gibot.test";
    public const string DefaultTenant = "gibot-test-tenant";
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";

    /// <summary>An App Service style managed identity endpoint (<c>IDENTITY_ENDPOINT</c>).</summary>
    public const string ManagedIdentityPath = "/msi/token";
    public const string ManagedIdentitySecret = "gibot-test-identity-header";

    private readonly ConcurrentDictionary<string, ChannelKey> _published = new();
    private readonly string? _accessToken;
    private readonly string _bundlePath;
    private LoopbackServer? _server;
    private int _metadataRequests;
    private int _keysRequests;
    private int _tokenRequests;

    private FakeCloud(string tenant, string issuer, string? accessToken, string bundlePath)
    {
        Tenant = tenant;
        MetadataIssuer = issuer;
        _accessToken = accessToken;
        _bundlePath = bundlePath;
    }

    public string Tenant { get; }

    /// <summary>The issuer the metadata names (and the bot is told to expect): <see cref="Issuer"/> unless chosen at start.</summary>
    public string MetadataIssuer { get; }

    public string BaseUrl => _server?.BaseUrl ?? "";

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

    /// <param name="issuer">The issuer the metadata names.</param>
    /// <param name="accessToken">
    /// Every client-credentials request gets this token (so a fake connector can check it cheaply);
    /// without it each request gets a new one.
    /// </param>
    public static async Task<FakeCloud> StartAsync(TestPki pki, string tenant = DefaultTenant, string issuer = Issuer, string? accessToken = null)
    {
        var cloud = new FakeCloud(tenant, issuer, accessToken, pki.BundlePath);
        cloud._server = await LoopbackServer.StartAsync(cloud.HandleAsync, pki.ServerCertificate);
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

    /// <summary>
    /// The environment of a bot process that authenticates against this cloud as a single-tenant app:
    /// app id, tenant and secret, the metadata, issuer and login URLs, and <c>SSL_CERT_FILE</c> with the test CA.
    /// </summary>
    public Dictionary<string, string?> BotEnvironment(string appId, string appPassword) => new()
    {
        ["SSL_CERT_FILE"] = _bundlePath,
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppTenantId"] = Tenant,
        ["MicrosoftAppPassword"] = appPassword,
        ["ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = MetadataIssuer,
        ["ToChannelFromBotLoginUrl"] = LoginUrl,
        ["ValidateAuthority"] = "false",
    };

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        context.Response.ContentType = "application/json";
        if (HttpMethods.IsGet(context.Request.Method) && path == MetadataPath)
        {
            Interlocked.Increment(ref _metadataRequests);
            await context.Response.WriteAsync(new JsonObject
            {
                ["issuer"] = MetadataIssuer,
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
            var token = _accessToken ?? $"gibot-test-access-token-{number}-{Guid.NewGuid():N}";
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
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
