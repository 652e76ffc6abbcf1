using System.Buffers;
using System.Text;
using System.Text.Json;
using GiBot.Protocol.Hosting;
using GiBot.Protocol.Schema;

namespace GiBot.Tests.Protocol;

/// <summary>
/// <see cref="ActivityReader"/> (through <see cref="ActivityBodyReader.Parse"/>) gives what the generated serializer gives
/// for the same body, field by field (compared through their full JSON, extension data and kept elements included),
/// and refuses exactly the bodies the serializer refuses.
/// </summary>
public sealed class ActivityReaderTests
{
    private const string Message = """
        {"type":"message","id":"load-000000123","timestamp":"2026-11-30T05:00:00.1234567Z","localTimestamp":"2026-11-30T13:00:00.1234567+08:00","serviceUrl":"https://smba.trafficmanager.net/apac/","channelId":"msteams","from":{"id":"29:load-user-7","name":"Load User 7","aadObjectId":"00000000-0000-0000-0000-000000000007"},"conversation":{"conversationType":"personal","tenantId":"t-1","id":"a:load-conversation-7"},"recipient":{"id":"28:bot","name":"GiBot"},"textFormat":"plain","locale":"en-US","text":"who is responsible for measure 8","entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web","timezone":"Asia/Shanghai"}],"channelData":{"tenant":{"id":"t-1"}}}
        """;

    public static readonly TheoryData<string> Bodies =
    [
        Message,
        // channel message with mentions and Teams channel data
        """
        {"type":"message","id":"1700000000000","serviceUrl":"https://smba.trafficmanager.net/apac/","channelId":"msteams","from":{"id":"29:u","name":"张三","aadObjectId":"aad-1","userPrincipalName":"z@x.cn"},"conversation":{"isGroup":true,"conversationType":"channel","tenantId":"t","id":"19:c@thread.tacv2;messageid=1700000000000","name":null},"recipient":{"id":"28:bot","name":"GiBot","role":"bot"},"text":"<at>GiBot</at> 第8项措施谁负责？\n&nbsp;","textFormat":"xml","attachments":[{"contentType":"text/html","content":"<div><at id=\"0\">GiBot</at> 第8项</div>"}],"entities":[{"type":"mention","text":"<at>GiBot</at>","mentioned":{"id":"28:bot","name":"GiBot"}},{"type":"mention","text":"<at>李四</at>","mentioned":{"id":"29:v","name":"李四","aadObjectId":"aad-2"}},{"type":"clientInfo","locale":"zh-CN"}],"channelData":{"teamsChannelId":"19:c@thread.tacv2","teamsTeamId":"19:t@thread.tacv2","channel":{"id":"19:c@thread.tacv2","name":"综合"},"team":{"id":"19:t@thread.tacv2","name":"质量科","aadGroupId":"g"},"tenant":{"id":"t"}},"locale":"zh-CN"}
        """,
        // invoke with value
        """
        {"type":"invoke","name":"adaptiveCard/action","id":"f:1","serviceUrl":"https://x/","conversation":{"id":"a:1"},"from":{"id":"29:u"},"recipient":{"id":"28:bot"},"replyToId":"f:0","value":{"action":{"type":"Action.Execute","verb":"measure.show","data":{"measure":8,"lang":"zh-CN","nested":{"a":[1,2.5e3,true,null]}}},"trigger":"manual"},"channelData":{"source":{"name":"message"},"legacy":{"replyToId":"x"}}}
        """,
        // Action.Submit on a message
        """{"type":"message","serviceUrl":"https://x/","conversation":{"id":"a:1"},"value":{"verb":"update.start","measure":"8"},"text":null}""",
        // conversationUpdate with members
        """
        {"type":"conversationUpdate","serviceUrl":"https://x/","conversation":{"id":"19:c","conversationType":"channel","isGroup":false},"membersAdded":[{"id":"28:bot"},{"id":"29:u","name":"王五","aadObjectId":"a","extra":1}],"membersRemoved":[],"action":"add","channelData":{"eventType":"teamMemberAdded","team":{"id":"19:t","name":"T"},"tenant":{"id":"t"}},"recipient":{"id":"28:bot"}}
        """,
        // installationUpdate with unknown fields at every level
        """
        {"type":"installationUpdate","action":"remove","serviceUrl":"https://x/","conversation":{"id":"a:1","weird":{"deep":[{}]}},"from":{"id":"29:u","properties":{"k":"v"}},"localTimezone":"Asia/Shanghai","callerId":"urn:botframework:azure","label":"l","valueType":"t","listenFor":["a","b"],"semanticAction":null,"importance":"high","deliveryMode":"normal","expiration":"2026-12-01T00:00:00Z","textHighlights":[{"text":"x","occurrence":1}],"\u0065xtraEscaped":"\u4e2d\"\\"}
        """,
        // odd casing, also of nested fields and of names that also exist in camelCase
        """
        {"Type":"message","ID":"x","CONVERSATION":{"ID":"a:1","TenantID":"t","IsGroup":true,"CONVERSATIONTYPE":"personal"},"ServiceUrl":"https://x/","FROM":{"Id":"29:u","NAME":"N","AADObjectId":"a","Role":"user"},"Text":"Hello","text":"later wins","TEXT":"last wins","Entities":[],"ChannelData":{"a":1},"VALUE":[1],"MembersAdded":null,"Attachments":null,"TimeStamp":"2026-11-30T05:00:00Z","LOCALTIMESTAMP":null}
        """,
        // escaped property names
        """{"\u0074ype":"message","conversation":{"\u0069d":"a:1"},"\u0073erviceUrl":"https://x/","te\u0078t":"escaped name"}""",
        // comments and trailing commas, as allowed now
        """
        /* leading */ {"type":"message", // a comment
          "conversation":{"id":"a:1",},"serviceUrl":"https://x/", "entities":[{"type":"clientInfo",},],
          "text":"trailing", /* inside */ } // after
        """,
        // nulls everywhere
        """{"type":null,"id":null,"name":null,"timestamp":null,"localTimestamp":null,"localTimezone":null,"serviceUrl":null,"channelId":null,"from":null,"conversation":null,"recipient":null,"textFormat":null,"attachmentLayout":null,"text":null,"summary":null,"locale":null,"replyToId":null,"action":null,"membersAdded":null,"membersRemoved":null,"attachments":null,"entities":null,"channelData":null,"value":null,"unknown":null}""",
        """{"entities":[null,1,"s",[],{}],"membersAdded":[null,{"id":null}],"attachments":[null,{"content":null,"contentType":null}],"conversation":{"isGroup":null,"id":null}}""",
        // duplicates, of known and unknown fields, and a field named like the extension data property
        """{"type":"a","type":"b","extra":{"x":1},"Extra":2,"dup":1,"dup":[2],"from":{"id":"1","id":"2","k":1,"k":2},"channelData":{"a":1},"channelData":{"b":2}}""",
        // empty object and reference-like names
        "{}",
        """{"$id":"1","$type":"message","$ref":"2","$values":[]}""",
        // strings with escapes and characters of every kind
        """{"type":"message","text":"\"q\" \\ \/ \b\f\n\r\t \u0001 \u001f \u2028 \ud83d\ude00 😀 中文 <b>&amp;</b> \u00e9 é","summary":"","locale":"zh-CN"}""",
        // attachments with content of every kind
        """{"attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","body":[{"text":"中 \u4e2d"}]},"name":"n","thumbnailUrl":"t"},{"contentType":"image/png","contentUrl":"https://x/y.png"},{"content":[1,2]},{"content":"text"},{"content":42}]}""",
        "null",
        " null ",
        // times of several forms
        """{"timestamp":"2026-11-30T05:00:00","localTimestamp":"2026-11-30T05:00:00.1+08:00"}""",
        """{"timestamp":"2026-11-30"}""",
        // numbers in JSON elements keep their text
        """{"value":1.50000000000000000001,"channelData":-0,"unknown":1E+400}""",
        // deep but allowed nesting
        """{"value":""" + new string('[', 60) + new string(']', 60) + "}",
    ];

    /// <summary>Bodies both refuse: malformed JSON, wrong kinds, a second value.</summary>
    public static readonly TheoryData<string> Refused =
    [
        "",
        "   ",
        "[]",
        "\"message\"",
        "42",
        "true",
        "{",
        """{"type":"message"}{}""",
        """{"type":"message"} x""",
        """{"type":1}""",
        """{"type":{}}""",
        """{"text":["a"]}""",
        """{"from":"29:u"}""",
        """{"from":[]}""",
        """{"conversation":{"isGroup":"true"}}""",
        """{"conversation":{"isGroup":1}}""",
        """{"conversation":{"id":5}}""",
        """{"from":{"name":true}}""",
        """{"timestamp":"yesterday"}""",
        """{"timestamp":12345}""",
        """{"timestamp":"2026-13-40T00:00:00Z"}""",
        """{"entities":{}}""",
        """{"entities":"x"}""",
        """{"membersAdded":{}}""",
        """{"membersAdded":[1]}""",
        """{"attachments":{}}""",
        """{"attachments":[{"name":1}]}""",
        """{"value":""" + new string('[', 70) + new string(']', 70) + "}",
        """{"type":"message",}x""",
        """{"type":'message'}""",
        """{"type":"a\u00"}""",
    ];

    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = ProtocolJson.Default.Options.AllowTrailingCommas,
        CommentHandling = ProtocolJson.Default.Options.ReadCommentHandling,
        MaxDepth = ProtocolJson.Default.Options.MaxDepth,
    };

    /// <summary>What the code before <see cref="ActivityReader"/> gave: the serializer's result, or null when it refused the body.</summary>
    private static (bool Ok, Activity? Activity) Reference(ReadOnlySequence<byte> body)
    {
        var json = new Utf8JsonReader(body, Options);
        try
        {
            var activity = JsonSerializer.Deserialize(ref json, ProtocolJson.Default.Activity);
            return json.Read() ? (false, null) : (true, activity);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (false, null);
        }
    }

    private static (bool Ok, Activity? Activity) Current(ReadOnlySequence<byte> body)
    {
        var json = new Utf8JsonReader(body, Options);
        try
        {
            var activity = ActivityReader.Read(ref json);
            return json.Read() ? (false, null) : (true, activity);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (false, null);
        }
    }

    /// <summary>Every field, the kept elements and the extension data, as text (written with the serializer).</summary>
    private static string Dump(Activity? activity) => activity is null ? "null" : JsonSerializer.Serialize(activity, ProtocolJson.Default.Activity);

    private static void AssertSame(ReadOnlySequence<byte> body)
    {
        var expected = Reference(body);
        var actual = Current(body);
        Assert.Equal(expected.Ok, actual.Ok);
        Assert.Equal(Dump(expected.Activity), Dump(actual.Activity));
        if (expected.Activity is { } e && actual.Activity is { } a)
        {
            // Null and missing differ for these, and the dump writes neither.
            Assert.Equal(e.ChannelData.HasValue, a.ChannelData.HasValue);
            Assert.Equal(e.Value.HasValue, a.Value.HasValue);
            Assert.Equal(e.ChannelData?.ValueKind, a.ChannelData?.ValueKind);
            Assert.Equal(e.Value?.ValueKind, a.Value?.ValueKind);
            Assert.Equal(e.Extra?.Keys.ToArray(), a.Extra?.Keys.ToArray());
            Assert.Equal(e.Extra?.Values.Select(v => v.ValueKind).ToArray(), a.Extra?.Values.Select(v => v.ValueKind).ToArray());
            Assert.Equal(e.Entities?.Select(v => v.ValueKind).ToArray(), a.Entities?.Select(v => v.ValueKind).ToArray());
            Assert.Equal(e.Timestamp, a.Timestamp);
            Assert.Equal(e.Timestamp?.Offset, a.Timestamp?.Offset);
            Assert.Equal(e.LocalTimestamp?.Offset, a.LocalTimestamp?.Offset);
        }
    }

    private static ReadOnlySequence<byte> Bytes(string json) => new(Encoding.UTF8.GetBytes(json));

    /// <summary>The same bytes cut into small segments, as Kestrel may hand them over.</summary>
    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }
        Segment? first = null, last = null;
        for (var i = 0; i < bytes.Length; i += size)
        {
            var part = bytes.AsMemory(i, Math.Min(size, bytes.Length - i));
            last = last is null ? first = new Segment(part, 0) : last.Append(part);
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_body_reads_as_the_serializer_reads_it(string body)
    {
        Assert.True(Reference(Bytes(body)).Ok, "the case is meant to be accepted");
        AssertSame(Bytes(body));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_body_in_small_segments_reads_as_the_serializer_reads_it(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        foreach (var size in new[] { 1, 3, 7, 64 })
        {
            AssertSame(Segmented(bytes, size));
        }
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_body_the_serializer_refuses_is_refused(string body)
    {
        Assert.False(Reference(Bytes(body)).Ok, "the case is meant to be refused");
        AssertSame(Bytes(body));
        Assert.Null(ActivityBodyReader.Parse(Bytes(body)));
    }

    [Fact]
    public void Invalid_utf8_reads_as_the_serializer_reads_it()
    {
        var body = new ReadOnlySequence<byte>([.. "{\"type\":\""u8, 0xff, 0xfe, .. "\"}"u8]);
        Assert.False(Reference(body).Ok);
        AssertSame(body);
        var name = new ReadOnlySequence<byte>([.. "{\""u8, 0xc3, .. "\":1}"u8]);
        AssertSame(name); // an unknown name is not checked by the serializer either
        var known = new ReadOnlySequence<byte>([.. "{\"te"u8, 0xc3, .. "xt\":1}"u8]);
        AssertSame(known);
        var escaped = new ReadOnlySequence<byte>([.. "{\"\\u0041"u8, 0xc3, .. "\\n\":1,\"\\ud800\":2,\"\\u0054EXT\":\"t\"}"u8]);
        AssertSame(escaped);
        foreach (var size in new[] { 1, 2, 5 })
        {
            AssertSame(Segmented(known.ToArray(), size));
            AssertSame(Segmented(escaped.ToArray(), size));
        }
    }

    [Fact]
    public void Body_reader_parse_gives_the_activity_and_marks_null()
    {
        var activity = ActivityBodyReader.Parse(Bytes(Message))!;
        Assert.Equal("who is responsible for measure 8", activity.Text);
        Assert.Equal("a:load-conversation-7", activity.Conversation!.Id);
        Assert.Equal("t-1", activity.ChannelData!.Value.GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("clientInfo", activity.Entities![0].GetProperty("type").GetString());
        Assert.Null(activity.Extra);
    }

    [Fact]
    public void Entities_are_read_from_one_document_but_each_is_its_own_value()
    {
        var activity = ActivityBodyReader.Parse(Bytes("""{"entities":[{"type":"mention","mentioned":{"id":"28:bot"}},{"type":"clientInfo"},7]}"""))!;
        Assert.Equal(3, activity.Entities!.Count);
        Assert.Equal("""{"type":"mention","mentioned":{"id":"28:bot"}}""", activity.Entities[0].GetRawText());
        Assert.Equal("""{"type":"clientInfo"}""", activity.Entities[1].GetRawText());
        Assert.Equal(7, activity.Entities[2].GetInt32());
    }
}
