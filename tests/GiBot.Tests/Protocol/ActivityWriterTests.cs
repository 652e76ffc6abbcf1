using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Tests.Protocol;

/// <summary>
/// <see cref="ActivityWriter"/> writes the very bytes the generated serializer writes with <see cref="ProtocolJson.Wire"/>,
/// for every field and every kind of text; pre-encoded text is used only while it is the activity's own text.
/// </summary>
public sealed class ActivityWriterTests
{
    public static readonly TheoryData<string> Texts =
    [
        "",
        "plain words",
        "quotes \" and 'single' and backslash \\ and slash /",
        "lines\nand\r\nreturns\tand tabs",
        "control \u0000 \u0001 \u0008 \u000b \u000c \u001f \u007f \u0085",
        "中文：第八项措施由执法稽查科负责。“搭便车”（仿制）",
        "emoji 😀👍🏽 and flags 🇨🇳",
        "html <b>&amp;</b> <at>GiBot</at> + `code` & =",
        "separators \u2028 \u2029 and bom \ufeff and nbsp \u00a0 and ideographic space \u3000",
        "**Measure 8**\n\n- 执法稽查科 (Enforcement)\n- \"x\" \\ y\n\n_Summary_",
        "lone high \ud800 surrogate",
        "lone low \udc00 surrogate",
    ];

    private static byte[] Reference(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Wire.Activity);

    /// <summary>Both writers give the same bytes, or both refuse the activity.</summary>
    private static void AssertSameAsSerializer(Activity activity)
    {
        byte[]? expected = null, actual = null;
        Exception? expectedError = null, actualError = null;
        try
        {
            expected = Reference(activity);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            expectedError = e;
        }
        try
        {
            actual = ActivityWriter.ToUtf8Bytes(activity);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            actualError = e;
        }
        Assert.Equal(expectedError?.GetType(), actualError?.GetType());
        if (expected is not null)
        {
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual!));
            Assert.Equal(expected, actual);
        }
    }

    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_string_field_is_escaped_as_the_serializer_escapes_it(string text)
    {
        AssertSameAsSerializer(new Activity
        {
            Type = text,
            Id = text,
            Name = text,
            LocalTimezone = text,
            ServiceUrl = text,
            ChannelId = text,
            From = new ChannelAccount { Id = text, Name = text, AadObjectId = text, Role = text },
            Conversation = new ConversationAccount { Id = text, Name = text, ConversationType = text, TenantId = text },
            Recipient = new ChannelAccount { Id = text, Name = text },
            TextFormat = text,
            AttachmentLayout = text,
            Text = text,
            Summary = text,
            Locale = text,
            ReplyToId = text,
            Action = text,
            Attachments = [new Attachment { ContentType = text, ContentUrl = text, Name = text }],
        });
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_frozen_message_writes_its_encoded_text_as_the_serializer_writes_the_text(string text)
    {
        var card = new AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["text"] = text }) });
        foreach (var message in new[] { new OutgoingMessage(text), new OutgoingMessage(text + new string('长', 300), card) })
        {
            FrozenMessages.Freeze(message);
            var activity = MessageActivityFactory.Create(message, new ConversationAccount { Id = "a:1" }, new ChannelAccount { Id = "28:bot", Name = "GiBot" });
            activity.ReplyToId = "1234";
            AssertSameAsSerializer(activity);
        }
    }

    [Fact]
    public void A_frozen_message_carries_its_encoded_text_and_summary_and_an_unfrozen_one_does_not()
    {
        var card = new AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard" });
        var frozen = FrozenMessages.Freeze(new OutgoingMessage(new string('词', 250), card));
        var open = new OutgoingMessage(new string('词', 250), card);
        var conversation = new ConversationAccount { Id = "a:1" };

        var fromFrozen = MessageActivityFactory.Create(frozen, conversation, null);
        var fromOpen = MessageActivityFactory.Create(open, conversation, null);

        Assert.Same(frozen.Text, fromFrozen.EncodedText!.Value);
        Assert.Same(fromFrozen.Summary, fromFrozen.EncodedSummary!.Value);
        Assert.Equal(200, fromFrozen.Summary!.Length);
        Assert.Same(fromFrozen.Summary, MessageActivityFactory.Create(frozen, conversation, null).Summary); // cut once, not per send
        Assert.Null(fromOpen.EncodedText);
        Assert.Null(fromOpen.EncodedSummary);
        Assert.Equal(fromOpen.Summary, fromFrozen.Summary);
    }

    [Fact]
    public void Encoded_text_is_ignored_once_the_activity_text_is_replaced()
    {
        var activity = new Activity { Type = "message", Text = "old \"text\"", Summary = "old summary" };
        activity.EncodedText = EncodedText.Of(activity.Text);
        activity.EncodedSummary = EncodedText.Of(activity.Summary);
        activity.Text = "new \"text\" 新";
        activity.Summary = null;

        var json = Encoding.UTF8.GetString(ActivityWriter.ToUtf8Bytes(activity));

        Assert.Equal("""{"type":"message","text":"new \"text\" 新"}""", json);
        AssertSameAsSerializer(activity);
    }

    [Fact]
    public void An_empty_activity_is_an_empty_object()
    {
        Assert.Equal("{}", Encoding.UTF8.GetString(ActivityWriter.ToUtf8Bytes(new Activity())));
        AssertSameAsSerializer(new Activity());
        AssertSameAsSerializer(new Activity { From = new ChannelAccount(), Conversation = new ConversationAccount(), Recipient = new ChannelAccount(), Attachments = [], Entities = [], MembersAdded = [], MembersRemoved = [], Extra = [] });
    }

    [Fact]
    public void Every_field_of_a_full_activity_is_written_as_the_serializer_writes_it()
    {
        AssertSameAsSerializer(new Activity
        {
            Type = "message",
            Id = "1:abc",
            Name = "adaptiveCard/action",
            Timestamp = new DateTimeOffset(2026, 11, 30, 5, 6, 7, 123, TimeSpan.Zero).AddTicks(4567),
            LocalTimestamp = new DateTimeOffset(2026, 11, 30, 13, 6, 7, TimeSpan.FromHours(8)),
            LocalTimezone = "Asia/Shanghai",
            ServiceUrl = "https://smba.trafficmanager.net/apac/",
            ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:u", Name = "张三", AadObjectId = "aad", Role = "user", Extra = new() { ["userPrincipalName"] = Element("\"z@x.cn\""), ["k \"q\""] = Element("[1,2.50,null,true]") } },
            Conversation = new ConversationAccount { Id = "19:c@thread.tacv2;messageid=1", Name = "综合科", ConversationType = "channel", IsGroup = true, TenantId = "t", Extra = new() { ["x"] = Element("{\"a\":\"<&>\"}") } },
            Recipient = new ChannelAccount { Id = "28:bot", Name = "GiBot" },
            TextFormat = "markdown",
            AttachmentLayout = "carousel",
            Text = "<at>GiBot</at> 第8项",
            Summary = "sum",
            Locale = "zh-CN",
            ReplyToId = "1:abc",
            Action = "add",
            MembersAdded = [new ChannelAccount { Id = "28:bot" }, new ChannelAccount { Id = "29:u", Name = "王五", Extra = new() { ["tenantId"] = Element("\"t\"") } }],
            MembersRemoved = [new ChannelAccount { Id = "29:v" }],
            Attachments =
            [
                new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = RawJson.From(Element("{\"type\":\"AdaptiveCard\",\"body\":[{\"text\":\"中 \\\"q\\\" \\u0001\"}]}")) },
                new Attachment { ContentType = "text/html", ContentUrl = "https://x/y?a=1&b=2", Name = "f.txt", Extra = new() { ["thumbnailUrl"] = Element("\"https://t\"") } },
                null!,
            ],
            Entities = [Element("""{"type":"mention","text":"<at>GiBot</at>","mentioned":{"id":"28:bot","name":"GiBot"}}"""), Element("""{"type":"clientInfo","locale":"zh-CN"}"""), Element("null")],
            ChannelData = Element("""{"tenant":{"id":"t"},"team":{"id":"19:team","name":"质量科 \"A\""},"channel":{"id":"19:ch"},"notification":{"alert":true}}"""),
            Value = Element("""{"action":{"type":"Action.Execute","verb":"measure.show","data":{"measure":8,"lang":"zh-CN"}}}"""),
            Extra = new() { ["replyToId2"] = Element("\"r\""), ["中文键"] = Element("1e3"), ["nothing"] = Element("null"), ["text"] = Element("\"duplicate\"") },
        });
    }

    [Fact]
    public void Bool_and_nullable_fields_are_written_only_when_set()
    {
        AssertSameAsSerializer(new Activity { Conversation = new ConversationAccount { IsGroup = false } });
        AssertSameAsSerializer(new Activity { Timestamp = DateTimeOffset.MinValue, LocalTimestamp = DateTimeOffset.MaxValue });
        AssertSameAsSerializer(new Activity { ChannelData = Element("null"), Value = Element("\"\"") });
    }

    [Fact]
    public void The_measure_reply_is_written_as_the_serializer_writes_it_and_the_buffer_is_reused_cleanly()
    {
        var card = new AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "第8项" }) });
        // Over the 64 KB a thread keeps for its next body (UTF-8), within the 80 KB Teams counts (UTF-16).
        var big = FrozenMessages.Freeze(new OutgoingMessage("**第8项措施**\n\n" + string.Concat(Enumerable.Repeat("加强执法检查和日常监管，\"搭便车\"\n", 1800)), card));
        var small = FrozenMessages.Freeze(new OutgoingMessage("**Measure 8**\n\n- \"unit\"", card));
        Assert.Same(big.Text, MessageActivityFactory.Create(big, new ConversationAccount { Id = "a:1" }, null).Text);
        foreach (var message in new[] { small, big, small, big, small })
        {
            var activity = MessageActivityFactory.Create(message, new ConversationAccount { Id = "a:1" }, new ChannelAccount { Id = "28:bot", Name = "GiBot" });
            activity.ReplyToId = "f:1";
            AssertSameAsSerializer(activity);
        }
    }
}
