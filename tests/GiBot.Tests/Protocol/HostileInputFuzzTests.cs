using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Protocol;

/// <summary>
/// Thousands of mutated activities: each must get a 4xx or a 200 (never a server error), the bot must keep
/// answering a well-formed message afterwards, and managed memory must not keep growing.
/// </summary>
[Collection(IsolatedMeasurementCollection.Name)]
public sealed class HostileInputFuzzTests : LocalBotTest
{
    private const int Iterations = 2000;

    // Every mutated activity is in one conversation: under Teams' per-thread limits (60 per 30 s) the replies to
    // 2,000 of them would queue for many minutes, and that queue would be measured as growth. This test is about
    // input handling; the limiter has its own tests.
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Connector:RateLimits:PerConversation:0:PermitLimit"] = "1000000",
        ["Connector:RateLimits:PerConversation:1:PermitLimit"] = "1000000",
        ["Connector:RateLimits:PerConversation:2:PermitLimit"] = "1000000",
        ["Connector:RateLimits:PerConversation:3:PermitLimit"] = "1000000",
        ["Connector:RateLimits:Global:0:PermitLimit"] = "1000000",
    };

    [Fact]
    public async Task Mutated_activities_never_cause_a_server_error()
    {
        var random = new Random(20261129);
        using var client = Bot.CreateClient();
        var statuses = new Dictionary<HttpStatusCode, int>();
        long afterFirstHalf = 0;

        for (var i = 0; i < Iterations; i++)
        {
            if (i == Iterations / 2)
            {
                // Pools and caches fill during the first half; a leak keeps growing in the second.
                afterFirstHalf = await SettledMemoryAsync();
            }
            var body = Mutate(random, i);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/messages", content);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            // 501 is the protocol's deliberate answer to an invoke name the bot does not handle.
            Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.NotImplemented, $"iteration {i} got {(int)response.StatusCode} for {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)])}");
        }
        var afterSecondHalf = await SettledMemoryAsync();
        // Measured: 1-6 MB of growth (buffers the JSON reader and the normaliser pooled); keeping every activity
        // parsed in the second half adds about 17 MB.
        Assert.True(afterSecondHalf - afterFirstHalf < 12 * 1024 * 1024, $"managed memory grew by {(afterSecondHalf - afterFirstHalf) / 1024 / 1024} MB over the second half");

        // Several kinds of outcome were exercised, not just one rejection path.
        Assert.True(statuses.ContainsKey(HttpStatusCode.OK));
        Assert.True(statuses.ContainsKey(HttpStatusCode.BadRequest));
        Assert.True(statuses.ContainsKey(HttpStatusCode.RequestEntityTooLarge));

        var reply = await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "help", id: "after-fuzz"));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Connector.Sent.Any(c => c.Path.EndsWith("/activities/after-fuzz", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Contains(Connector.Sent, c => c.Path.EndsWith("/activities/after-fuzz", StringComparison.Ordinal));
    }

    /// <summary>
    /// Managed memory once the replies of turns still running have gone out, without what the fake connector
    /// recorded of them: the test measures the bot, not its own record of thousands of calls.
    /// </summary>
    private async Task<long> SettledMemoryAsync()
    {
        var last = -1;
        while (Connector.Calls.Count != last)
        {
            last = Connector.Calls.Count;
            await Task.Delay(300);
        }
        Connector.Calls.Clear();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private byte[] Mutate(Random random, int i)
    {
        var activity = Activities.Message(Connector.ServiceUrl, "help", id: "fuzz-" + i);
        switch (random.Next(12))
        {
            case 0:
                activity["type"] = Pick(random, "message", "invoke", "conversationUpdate", "installationUpdate", "", "💥", "typing", "messageReaction");
                activity["name"] = Pick(random, "adaptiveCard/action", "task/fetch", "", "x");
                break;
            case 1:
                var length = random.Next(1, 200_000);
                if (random.Next(2) == 0)
                {
                    activity["text"] = new string('字', length);
                    break;
                }
                // The same text written as JSON escapes (6 bytes a character, so the longest are over the body limit).
                var escaped = new StringBuilder(length * 6 + 2).Append('"').Insert(1, "\\u5b57", length).Append('"').ToString();
                return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Serialize(activity)).Replace("\"help\"", escaped, StringComparison.Ordinal));
            case 2:
                activity.Remove(Pick(random, "from", "recipient", "conversation", "serviceUrl", "channelId", "id", "type", "text"));
                break;
            case 3:
                activity["value"] = Nest(random.Next(10, 200));
                break;
            case 4:
                var bytes = Serialize(activity);
                bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);
                return bytes;
            case 5:
                var json = Serialize(activity);
                return json[..random.Next(json.Length)];
            case 6:
                activity["value"] = Pick(random, "{\"verb\":\"x\"}", "not json", "", "{\"action\":5}");
                activity["type"] = "invoke";
                activity["name"] = "adaptiveCard/action";
                break;
            case 7:
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = 5 }, JsonValue.Create(3), null);
                break;
            case 8:
                activity["conversation"] = Pick(random, "string", "5") is var s && random.Next(2) == 0 ? JsonValue.Create(s) : new JsonArray();
                break;
            case 9:
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId }, null, JsonValue.Create("x"));
                activity["type"] = "conversationUpdate";
                break;
            case 10:
                activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = 7, ["content"] = Nest(30) });
                break;
            default:
                activity["timestamp"] = Pick(random, "yesterday", "9999-99-99", "");
                break;
        }
        return Serialize(activity);
    }

    /// <summary>
    /// UTF-8 JSON written without the shared array pool and without escaping non-ASCII text: this process is
    /// also the bot, and megabyte buffers the test pooled for itself would be measured as the bot's memory.
    /// </summary>
    private static byte[] Serialize(JsonObject activity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            activity.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var d = 0; d < depth; d++)
        {
            node = new JsonObject { ["a"] = node };
        }
        return node;
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}
