using System.Text.Json;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Tests.Protocol;

public sealed class MentionTextTests
{
    private static Activity Channel(string text, string entitiesJson) => new()
    {
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot" },
        Entities = JsonSerializer.Deserialize<List<JsonElement>>(entitiesJson),
    };

    [Fact]
    public void Removes_only_the_bots_mention()
    {
        var activity = Channel("<at>GiBot</at> 第八项措施谁负责 <at>张三</at>",
            """[{"type":"mention","text":"<at>GiBot</at>","mentioned":{"id":"28:bot","name":"GiBot"}},{"type":"mention","text":"<at>张三</at>","mentioned":{"id":"29:zhang","name":"张三"}}]""");
        // Other people's mentions are markup the user typed; the words stay readable without the tags.
        Assert.Equal("第八项措施谁负责", MentionText.StripBotMention(activity));
    }

    [Fact]
    public void Falls_back_to_the_name_when_the_entity_has_no_text()
    {
        var activity = Channel("<at>GiBot</at>   help", """[{"type":"mention","mentioned":{"id":"28:bot","name":"GiBot"}}]""");
        Assert.Equal("help", MentionText.StripBotMention(activity));
    }

    [Fact]
    public void Decodes_html_entities_and_folds_whitespace()
    {
        var activity = Channel("who&nbsp;owns   measure&#160;8", "[]");
        Assert.Equal("who owns measure 8", MentionText.StripBotMention(activity));
    }
}
