using System.Security.Cryptography.X509Certificates;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Hosting;

/// <summary>
/// A bot process with an HTTPS endpoint in Kestrel's configuration (as an operator would terminate TLS in GiBot
/// itself) beside the plain HTTP one the test harness watches. GiBot starts from <c>CreateSlimBuilder</c>, which
/// leaves Kestrel's HTTPS configuration out unless <c>UseKestrelHttpsConfiguration</c> puts it back.
/// </summary>
public static class HttpsEndpoint
{
    public static async Task<string> GetHealthOverHttpsAsync(string? executable = null)
    {
        using var pki = TestPki.Create();
        var directory = Directory.CreateTempSubdirectory("gibot-https-");
        try
        {
            const string password = "gibot-test-pfx";
            var pfx = Path.Combine(directory.FullName, "server.pfx");
            await File.WriteAllBytesAsync(pfx, pki.ServerCertificate.Export(X509ContentType.Pfx, password), TestContext.Current.CancellationToken);
            var httpPort = BotProcess.FreePort();
            var httpsPort = BotProcess.FreePort();
            await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?>
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
                ["Kestrel__Endpoints__Https__Url"] = $"https://127.0.0.1:{httpsPort}",
                ["Kestrel__Endpoints__Https__Certificate__Path"] = pfx,
                ["Kestrel__Endpoints__Https__Certificate__Password"] = password,
            }, port: httpPort, executable: executable);

            using var client = new HttpClient(pki.CreateTrustingHandler()) { Timeout = TimeSpan.FromSeconds(10) };
            // Kestrel binds the endpoints one after the other: the HTTP one the harness waits for may answer first.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (true)
            {
                try
                {
                    using var response = await client.GetAsync($"https://127.0.0.1:{httpsPort}/healthz", TestContext.Current.CancellationToken);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException e) when (e.InnerException is System.Net.Sockets.SocketException)
                {
                    if (DateTime.UtcNow > deadline || bot.HasExited)
                    {
                        throw new InvalidOperationException($"No answer over HTTPS: {e.Message}\n{bot.Output}", e);
                    }
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
