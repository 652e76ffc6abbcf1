using Microsoft.Identity.Client;

namespace GiBot.Protocol.Auth;

/// <summary>
/// Gives MSAL clients from <see cref="IHttpClientFactory"/>: pooled handlers, and the default proxy
/// (<c>HTTPS_PROXY</c>, <c>NO_PROXY</c>) and trust store (<c>SSL_CERT_FILE</c>) like every other call.
/// </summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory httpClients) : IMsalHttpClientFactory
{
    public const string HttpClientName = "GiBot.Msal";

    public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
}
