using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Tests.Protocol;

/// <summary>Cards go on the wire as written once (<see cref="RawJson"/>); inbound attachments still read and round-trip.</summary>
public sealed class AttachmentWireTests
{
    private static JsonObject Card(string text) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
    };

    private static string Wire(Activity activity) => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Wire.Activity));

    [Fact]
    public void A_card_is_written_as_its_json_with_chinese_as_utf8()
    {
        var card = new AdaptiveCard(Card("第8项措施由知识产权保护科负责 <b>&\"quoted\""));
        var activity = MessageActivityFactory.Create(new OutgoingMessage("第8项", card), new ConversationAccount { Id = "a:1" }, null);

        var wire = Wire(activity);

        Assert.Contains("第8项措施由知识产权保护科负责", wire, StringComparison.Ordinal);
        var content = JsonNode.Parse(wire)!["attachments"]![0]!["content"]!;
        Assert.True(JsonNode.DeepEquals(card.Content, content));
        Assert.Equal(Attachment.AdaptiveCardContentType, JsonNode.Parse(wire)!["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public void A_frozen_card_is_serialized_once_and_an_unfrozen_one_on_every_send()
    {
        var frozen = CardPayloads.Freeze(new AdaptiveCard(Card("before")));
        var open = new AdaptiveCard(Card("before"));
        Assert.Same(CardPayloads.Of(frozen), CardPayloads.Of(frozen));

        // An owner that changes an unfrozen card between sends gets the change on the wire.
        open.Content["body"]![0]!["text"] = "after";
        Assert.Contains("after", CardPayloads.Of(open).ToString(), StringComparison.Ordinal);
        Assert.Contains("before", CardPayloads.Of(frozen).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_inbound_attachment_is_read_and_written_back_unchanged()
    {
        const string json = """{"type":"message","attachments":[{"contentType":"text/html","content":{"a":[1,2.5,true,null,"x\u00e9"]},"name":"n"}]}""";
        var activity = JsonSerializer.Deserialize(json, ProtocolJson.Default.Activity)!;

        var content = Assert.Single(activity.Attachments!).Content!;
        Assert.Equal(2.5, content.ToElement().GetProperty("a")[1].GetDouble());
        var again = JsonNode.Parse(Wire(activity))!["attachments"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json)!["attachments"]![0], again));
    }
}
