using System.Text.Json.Nodes;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Connector;

/// <summary>The exact URLs and bodies the client puts on the wire (protocol.md 3.2 and 3.3).</summary>
public sealed class ConnectorCallTests : IAsyncLifetime
{
    private const string ChannelThread = "19:abc@thread.tacv2;messageid=1759881511856";
    private ConnectorHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await ConnectorHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Send_posts_to_the_conversation_activities_as_utf8_json()
    {
        var result = await _harness.Client.SendToConversationAsync(_harness.ServiceUrl, ChannelThread, Message("你好 👋"));

        var call = Assert.Single(_harness.Fake.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{ChannelThread}/activities", call.Path);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("你好 👋", call.Json!["text"]!.GetValue<string>());
        Assert.Equal("message", call.Json!["type"]!.GetValue<string>());
        Assert.StartsWith("act-", result.Id);
    }

    [Fact]
    public async Task A_reply_dates_the_moment_it_was_sent_on_the_connectors_clock()
    {
        var clock = _harness.Get<ConnectorClock>();
        var before = TimeProvider.System.GetTimestamp();
        var wallBefore = DateTimeOffset.UtcNow;
        Assert.Null(clock.TimeAfter(before));

        await _harness.Client.ReplyToActivityAsync(_harness.ServiceUrl, "a:personal-1", "1:incoming@x", Message("hi"));

        // The fake connector runs on this machine's clock: its Date (to the second) + 1 s is after the moment we sent.
        var after = clock.TimeAfter(before);
        Assert.NotNull(after);
        Assert.InRange(after!.Value, wallBefore, DateTimeOffset.UtcNow.AddSeconds(2));
    }

    [Fact]
    public async Task Reply_posts_to_the_activity_and_sets_replyToId()
    {
        await _harness.Client.ReplyToActivityAsync(_harness.ServiceUrl, "a:personal-1", "1:incoming@x", Message("hi"));

        var call = Assert.Single(_harness.Fake.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations/a:personal-1/activities/1:incoming@x", call.Path);
        Assert.Equal("1:incoming@x", call.Json!["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_puts_the_activity_with_its_id()
    {
        await _harness.Client.UpdateActivityAsync(_harness.ServiceUrl, "a:personal-1", "act-7", Message("edited"));

        var call = Assert.Single(_harness.Fake.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal("/v3/conversations/a:personal-1/activities/act-7", call.Path);
        Assert.Equal("act-7", call.Json!["id"]!.GetValue<string>());
        Assert.Equal("edited", call.Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_sends_a_delete_without_body()
    {
        await _harness.Client.DeleteActivityAsync(_harness.ServiceUrl, ChannelThread, "act-9");

        var call = Assert.Single(_harness.Fake.Calls);
        Assert.Equal("DELETE", call.Method);
        Assert.Equal($"/v3/conversations/{ChannelThread}/activities/act-9", call.Path);
        Assert.Equal("", call.Body);
    }

    [Fact]
    public async Task Ids_are_escaped_as_single_path_segments()
    {
        // Unescaped, '?' would start a query and '#' a fragment that never reaches the server.
        await _harness.Client.SendToConversationAsync(_harness.ServiceUrl, "a:odd?id#1", Message("x"));

        var call = Assert.Single(_harness.Fake.Calls);
        Assert.Equal("/v3/conversations/a:odd?id#1/activities", call.Path);
        Assert.Equal("", call.Query);
    }

    [Fact]
    public async Task Creating_a_one_on_one_chat_sends_bot_member_and_tenant_twice()
    {
        var result = await _harness.Client.CreateOneOnOneConversationAsync(
            _harness.ServiceUrl, new ChannelAccount { Id = "28:app-id", Name = "GiBot" }, "29:user-1", "tenant-1");

        var call = Assert.Single(_harness.Fake.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations", call.Path);
        var expected = JsonNode.Parse("""
            {
              "isGroup": false,
              "bot": { "id": "28:app-id", "name": "GiBot" },
              "members": [ { "id": "29:user-1" } ],
              "tenantId": "tenant-1",
              "channelData": { "tenant": { "id": "tenant-1" } }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, call.Json), call.Body);
        Assert.StartsWith("conv-", result.Id);
    }

    [Fact]
    public async Task Creating_a_channel_thread_sends_the_channel_and_the_first_message()
    {
        var result = await _harness.Client.CreateChannelThreadAsync(
            _harness.ServiceUrl, new ChannelAccount { Id = "28:app-id" }, "19:channel@thread.tacv2", "tenant-1", Message("新议题"));

        var call = Assert.Single(_harness.Fake.Calls);
        Assert.Equal("/v3/conversations", call.Path);
        var expected = JsonNode.Parse("""
            {
              "isGroup": true,
              "bot": { "id": "28:app-id" },
              "tenantId": "tenant-1",
              "activity": { "type": "message", "text": "新议题" },
              "channelData": { "channel": { "id": "19:channel@thread.tacv2" }, "tenant": { "id": "tenant-1" } }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, call.Json), call.Body);
        Assert.StartsWith("conv-", result.Id);
        Assert.StartsWith("act-", result.ActivityId);
    }

    [Fact]
    public async Task Members_are_read_page_by_page_following_the_continuation_token()
    {
        _harness.Fake.GetResponses["/pagedmembers?pageSize=500"] = """
            {"continuationToken":"tok 1/2+","members":[{"id":"29:a","name":"甲"},{"id":"29:b","name":"乙"}]}
            """;
        _harness.Fake.GetResponses["continuationToken=tok%201%2F2%2B"] = """
            {"members":[{"id":"29:c","name":"丙","aadObjectId":"aad-c","userPrincipalName":"c@example.org"}]}
            """;

        var members = await _harness.Client.GetConversationMembersAsync(_harness.ServiceUrl, "19:team@thread.tacv2");

        Assert.Equal(["29:a", "29:b", "29:c"], members.Select(m => m.Id));
        Assert.Equal("aad-c", members[2].AadObjectId);
        Assert.Equal("c@example.org", members[2].Extra!["userPrincipalName"].GetString());
        var calls = _harness.Fake.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.All(calls, c => Assert.Equal("/v3/conversations/19:team@thread.tacv2/pagedmembers", c.Path));
        Assert.Equal("?pageSize=500", calls[0].Query);
        Assert.Equal("?pageSize=500&continuationToken=tok%201%2F2%2B", calls[1].Query);
    }

    [Fact]
    public async Task One_page_can_be_asked_for_with_a_page_size()
    {
        _harness.Fake.GetResponses["pagedmembers"] = """{"continuationToken":"next","members":[{"id":"29:a"}]}""";

        var page = await _harness.Client.GetPagedMembersAsync(_harness.ServiceUrl, "a:chat", pageSize: 60);

        Assert.Equal("next", page.ContinuationToken);
        Assert.Equal("29:a", Assert.Single(page.Members).Id);
        Assert.Equal("?pageSize=60", Assert.Single(_harness.Fake.Calls).Query);
    }

    [Fact]
    public async Task One_member_is_read_by_id_and_an_unknown_one_is_null()
    {
        _harness.Fake.GetResponses["/members/29:known"] = """{"id":"29:known","name":"张三","aadObjectId":"aad-1"}""";

        var known = await _harness.Client.GetConversationMemberAsync(_harness.ServiceUrl, "a:chat", "29:known");
        var unknown = await _harness.Client.GetConversationMemberAsync(_harness.ServiceUrl, "a:chat", "29:gone");

        Assert.Equal("张三", known!.Name);
        Assert.Null(unknown);
        Assert.Equal(["/v3/conversations/a:chat/members/29:known", "/v3/conversations/a:chat/members/29:gone"], _harness.Fake.Calls.Select(c => c.Path));
    }

    [Fact]
    public async Task Team_channels_are_listed_with_the_unnamed_general_channel()
    {
        _harness.Fake.GetResponses["/v3/teams/"] = """
            {"conversations":[{"id":"19:team@thread.tacv2","name":null},{"id":"19:ip@thread.tacv2","name":"知识产权保护科"}]}
            """;

        var channels = await _harness.Client.GetTeamChannelsAsync(_harness.ServiceUrl, "19:team@thread.tacv2");

        Assert.Equal([new ChannelInfo("19:team@thread.tacv2", null), new ChannelInfo("19:ip@thread.tacv2", "知识产权保护科")], channels);
        Assert.Equal("/v3/teams/19:team@thread.tacv2/conversations", Assert.Single(_harness.Fake.Calls).Path);
    }

    [Fact]
    public async Task Failures_carry_the_connectors_error_code()
    {
        _harness.Fake.FailNext(new FakeConnector.ScriptedFailure(403, Body: """{"errorCode":209,"message":"MessageWritesBlocked"}"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _harness.Client.SendToConversationAsync(_harness.ServiceUrl, "a:blocked", Message("x")));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("209", error.ErrorCode);
        Assert.True(error.IsPermanent);
    }

    [Fact]
    public async Task The_connectors_operation_id_is_logged_at_debug()
    {
        await _harness.Client.SendToConversationAsync(_harness.ServiceUrl, "a:personal-1", Message("x"));

        var operationId = Assert.Single(_harness.Fake.Calls).OperationId;
        Assert.Contains(_harness.Logs.Lines, line => line.Level == Microsoft.Extensions.Logging.LogLevel.Debug
            && line.Category == typeof(ConnectorClient).FullName && line.Message.Contains(operationId, StringComparison.Ordinal));
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
