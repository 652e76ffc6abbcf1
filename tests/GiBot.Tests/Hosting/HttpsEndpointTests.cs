namespace GiBot.Tests.Hosting;

/// <summary>The JIT-built bot (<c>dotnet GiBot.dll</c>) with an HTTPS endpoint configured for Kestrel.</summary>
public sealed class HttpsEndpointTests
{
    [Fact]
    public async Task An_HTTPS_endpoint_in_Kestrel_configuration_serves_the_bot()
    {
        Assert.Equal("ok", await HttpsEndpoint.GetHealthOverHttpsAsync());
    }
}
