using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Localization;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Tests.Protocol;

/// <summary>A card message's notification preview is plain text: typed markup escaped for the Markdown text shows there as typed.</summary>
public sealed class NotificationSummaryTests
{
    private static readonly AdaptiveCard Card = new(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() });

    [Fact]
    public void The_preview_drops_markdowns_backslash_escapes()
    {
        var text = "进展：" + MarkdownText.Literal("**x** [link](http://a) C:\\temp");

        var activity = MessageActivityFactory.Create(new OutgoingMessage(text, Card), new ConversationAccount { Id = "a:1" }, null);

        Assert.Equal("markdown", activity.TextFormat);
        Assert.Equal(text, activity.Text);
        Assert.Equal("进展：**x** [link](http://a) C:\\temp", activity.Summary);
    }

    [Fact]
    public void The_preview_of_plain_text_keeps_its_backslashes()
    {
        var activity = MessageActivityFactory.Create(new OutgoingMessage(@"a\*b", Card) { Markdown = false }, new ConversationAccount { Id = "a:1" }, null);

        Assert.Equal(@"a\*b", activity.Summary);
    }
}
