using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Protocol;

/// <summary>Issue 2 point 7: malformed requests get a clear 4xx with a JSON error body and are never processed.</summary>
public sealed class BadInputTests : LocalBotTest
{
    private async Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json")
    {
        using var client = Bot.CreateClient();
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await client.PostAsync("/api/messages", content);
    }

    private static async Task AssertJsonErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrWhiteSpace(body["error"]?["message"]?.GetValue<string>()));
        Assert.DoesNotContain("   at ", body.ToJsonString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"type\": 5}")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"type\":\"message\"} {\"type\":\"message\"}")]
    [InlineData("{\"type\":\"message\"} trailing")]
    public async Task Invalid_json_gets_400_with_a_json_error(string body)
    {
        await AssertJsonErrorAsync(await PostRawAsync(body), HttpStatusCode.BadRequest);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_gets_413()
    {
        var activity = Activities.Message(Connector.ServiceUrl, new string('x', 1024 * 1024 + 10));
        await AssertJsonErrorAsync(await PostRawAsync(activity.ToJsonString()), HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task A_chunked_body_over_one_megabyte_gets_413()
    {
        using var client = Bot.CreateClient();
        var bytes = Encoding.UTF8.GetBytes(Activities.Message(Connector.ServiceUrl, new string('y', 1024 * 1024 + 10)).ToJsonString());
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await AssertJsonErrorAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_wrong_content_type_gets_415(string contentType)
    {
        var activity = Activities.Message(Connector.ServiceUrl, "help");
        await AssertJsonErrorAsync(await PostRawAsync(activity.ToJsonString(), contentType), HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(Connector.Calls);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("conversation")]
    [InlineData("serviceUrl")]
    public async Task A_missing_required_field_gets_400(string field)
    {
        var activity = Activities.Message(Connector.ServiceUrl, "help");
        activity.Remove(field);
        await AssertJsonErrorAsync(await PostRawAsync(activity.ToJsonString()), HttpStatusCode.BadRequest);
        Assert.Empty(Connector.Calls);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.test/")]
    public async Task An_unusable_service_url_gets_400(string serviceUrl)
    {
        var activity = Activities.Message(Connector.ServiceUrl, "help");
        activity["serviceUrl"] = serviceUrl;
        await AssertJsonErrorAsync(await PostRawAsync(activity.ToJsonString()), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_conversation_without_id_gets_400()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "help");
        activity["conversation"] = new JsonObject { ["conversationType"] = "personal" };
        await AssertJsonErrorAsync(await PostRawAsync(activity.ToJsonString()), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_is_not_allowed()
    {
        using var client = Bot.CreateClient();
        var response = await client.GetAsync("/api/messages");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_fields_and_activity_types_are_accepted_with_200()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "");
        activity["type"] = "someFutureEvent";
        activity["brandNewField"] = new JsonObject { ["nested"] = true };
        var response = await PostRawAsync(activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
