using System.Diagnostics;
using System.Net.Http.Headers;

namespace GiBot.Load;

/// <summary>POSTs one signed activity to the bot and records when it left and how the bot answered.</summary>
public sealed class TurnSender(HttpClient http, Uri messagesUrl, TeamsMessages messages, TurnLedger ledger) : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>A client for the bot; <paramref name="bearerToken"/> null sends no Authorization (local mode).</summary>
    public static HttpClient CreateClient(string? bearerToken)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        if (bearerToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        return http;
    }

    public async Task SendAsync(int sequence, long due)
    {
        Interlocked.Increment(ref _inFlight);
        var content = new ByteArrayContent(messages.Create(sequence));
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, messagesUrl) { Content = content };
        ledger.Sent(sequence, due, Stopwatch.GetTimestamp());
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            ledger.Answered(sequence, (int)response.StatusCode, Stopwatch.GetTimestamp());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            ledger.Answered(sequence, 0, Stopwatch.GetTimestamp());
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public void Dispose() => http.Dispose();
}
