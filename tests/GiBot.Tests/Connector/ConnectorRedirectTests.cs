using System.Net;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Connector;

/// <summary>A connector call is never carried to another host by a redirect.</summary>
public sealed class ConnectorRedirectTests
{
    [Theory]
    [InlineData(HttpStatusCode.TemporaryRedirect)]
    [InlineData(HttpStatusCode.PermanentRedirect)]
    [InlineData(HttpStatusCode.Found)]
    public async Task A_redirect_fails_the_call_and_the_message_goes_nowhere_else(HttpStatusCode status)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        await using var elsewhere = await FakeConnector.StartAsync();
        harness.Fake.FailNext(new FakeConnector.ScriptedFailure((int)status) { Location = elsewhere.ServiceUrl + "v3/conversations/a:chat/activities" });

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", new Activity { Type = ActivityTypes.Message, Text = "进展" }));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(harness.Fake.Calls);
        Assert.Empty(elsewhere.Calls);
    }
}
