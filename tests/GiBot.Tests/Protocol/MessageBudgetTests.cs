using System.Text;
using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Tests.Protocol;

/// <summary>
/// No message leaves bigger than Teams' recommended 80 KB, counted as Teams counts (UTF-16: the text, the summary and
/// the card JSON as sent); one over it gives up its text twin, then its card, then the end of its text, and says so.
/// </summary>
public sealed class MessageBudgetTests
{
    private const int Budget = 80 * 1024;
    private static readonly ConversationAccount Chat = new() { Id = "a:1" };
    private static readonly ChannelAccount Bot = new() { Id = "28:bot", Name = "GiBot" };

    private const string CutAndCardAsText = "（内容超出 Teams 单条消息的大小上限，卡片改为文字显示，其余内容未显示。）";

    private static AdaptiveCard Card(string text) => new(new JsonObject
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
    });

    private static string Lines(int count, string line = "行：加强地理标志产品执法检查和日常监管") =>
        string.Join("\n", Enumerable.Range(1, count).Select(i => $"第{i}{line}"));

    private static long Size(Activity activity) =>
        2L * ((activity.Text?.Length ?? 0) + (activity.Summary?.Length ?? 0) + (activity.Attachments?.Sum(a => a.Content!.ToString().Length) ?? 0));

    /// <summary>The whole body as written, in UTF-16 bytes: under Teams' hard limit of 100 KB with the envelope.</summary>
    private static long BodySize(Activity activity) => 2L * Encoding.UTF8.GetString(ActivityWriter.ToUtf8Bytes(activity)).Length;

    [Fact]
    public void A_typical_reply_is_sent_as_it_was_built()
    {
        var message = new OutgoingMessage(Lines(80), Card(Lines(80)));

        var activity = MessageActivityFactory.Create(message, Chat, Bot);

        Assert.Same(message.Text, activity.Text);
        Assert.Equal("markdown", activity.TextFormat);
        Assert.Equal(200, activity.Summary!.Length);
        Assert.Contains("第80行", Assert.Single(activity.Attachments!).Content!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_counts_two_bytes_as_in_UTF_16_not_three_as_in_UTF_8()
    {
        // 30,000 characters: about 90 KB of UTF-8 on the wire, 60 KB as Teams counts it.
        var chinese = string.Concat(Enumerable.Repeat("地理标志保护", 5000));
        var message = new OutgoingMessage("第20项措施", Card(chinese));

        var activity = MessageActivityFactory.Create(message, Chat, Bot);

        Assert.True(Assert.Single(activity.Attachments!).Content!.Utf8.Length > Budget);
        Assert.Same(message.Text, activity.Text);
        Assert.Contains(chinese, activity.Attachments![0].Content!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_that_fits_without_its_text_twin_is_sent_alone_with_its_summary()
    {
        var text = Lines(1200); // about 50 KB, and as much again in the card
        var message = new OutgoingMessage(text, Card(text));

        var activity = MessageActivityFactory.Create(message, Chat, Bot);

        Assert.Null(activity.Text);
        Assert.Null(activity.TextFormat);
        Assert.Equal(text[..200], activity.Summary);
        Assert.Contains("第1200行", Assert.Single(activity.Attachments!).Content!.ToString(), StringComparison.Ordinal);
        Assert.InRange(Size(activity), 0, Budget);
    }

    [Fact]
    public void A_card_too_big_on_its_own_is_sent_as_its_text_cut_at_a_line_and_says_so()
    {
        var text = Lines(3000); // about 130 KB
        var message = new OutgoingMessage(text, Card(text));

        var activity = MessageActivityFactory.Create(message, Chat, Bot);

        Assert.Null(activity.Attachments);
        Assert.Null(activity.Summary);
        Assert.Equal("markdown", activity.TextFormat);
        Assert.EndsWith("\n\n" + CutAndCardAsText, activity.Text, StringComparison.Ordinal);
        var kept = activity.Text![..^(CutAndCardAsText.Length + 2)];
        Assert.StartsWith(kept + "\n", text, StringComparison.Ordinal); // whole lines only
        Assert.InRange(kept.Length, Budget / 2 - 100, Budget / 2);
        Assert.InRange(Size(activity), 0, Budget);
        Assert.InRange(BodySize(activity), 0, 100 * 1024);
    }

    [Fact]
    public void English_text_gets_the_note_in_English()
    {
        var text = string.Join("\n", Enumerable.Range(1, 4000).Select(i => $"- line {i} of the measures list"));

        var activity = MessageActivityFactory.Create(new OutgoingMessage(text, Card(text)), Chat, Bot);

        Assert.EndsWith("\n\n(Too large for one Teams message: the card is shown as text, and the rest is not shown.)", activity.Text, StringComparison.Ordinal);
        Assert.InRange(Size(activity), 0, Budget);
    }

    [Fact]
    public void A_short_text_replaces_a_card_too_big_in_full()
    {
        var activity = MessageActivityFactory.Create(new OutgoingMessage("**第20项措施**：各单位最新进展", Card(Lines(3000))), Chat, Bot);

        Assert.Null(activity.Attachments);
        Assert.Equal("**第20项措施**：各单位最新进展\n\n（内容超出 Teams 单条消息的大小上限，卡片改为文字显示。）", activity.Text);
    }

    [Fact]
    public void A_text_too_long_is_cut_at_a_line_even_when_frozen()
    {
        var text = Lines(3000);
        var message = FrozenMessages.Freeze(new OutgoingMessage(text) { Markdown = false });

        var activity = MessageActivityFactory.Create(message, Chat, Bot);

        Assert.Equal("plain", activity.TextFormat);
        Assert.EndsWith("\n\n（内容超出 Teams 单条消息的大小上限，其余内容未显示。）", activity.Text, StringComparison.Ordinal);
        Assert.InRange(BodySize(activity), 0, 100 * 1024);
        // The frozen encoding is of the whole text; the writer must write the cut one.
        Assert.Contains("其余内容未显示", Encoding.UTF8.GetString(ActivityWriter.ToUtf8Bytes(activity)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_card_too_big_is_replaced_by_its_text_and_one_without_text_by_the_note()
    {
        var withText = MessageActivityFactory.Create(new OutgoingMessage("进展已提交", Card(Lines(3000))), Chat, Bot, forUpdate: true);
        var withoutText = MessageActivityFactory.Create(new OutgoingMessage("", Card(Lines(3000))) { TextOnlyWithoutCards = true }, Chat, Bot);

        Assert.Null(withText.Attachments);
        Assert.Equal("markdown", withText.TextFormat);
        Assert.StartsWith("进展已提交\n\n（内容超出", withText.Text, StringComparison.Ordinal);
        Assert.Null(withoutText.Attachments);
        Assert.Equal("（内容超出 Teams 单条消息的大小上限，卡片无法显示。）", withoutText.Text);
    }

    [Fact]
    public void Card_JSON_counts_as_sent_escapes_included()
    {
        // 12,000 emoji are 48 KB of UTF-16 as text, but each is written as a 12-character escape in the card JSON.
        var emoji = string.Concat(Enumerable.Repeat("👍", 12_000));

        var activity = MessageActivityFactory.Create(new OutgoingMessage("已阅", Card(emoji)), Chat, Bot);

        Assert.Null(activity.Attachments);
        Assert.InRange(BodySize(activity), 0, 100 * 1024);
    }

    [Fact]
    public void Mentions_of_text_that_was_cut_away_are_dropped()
    {
        var text = "<at>王科长</at> 请关注\n" + Lines(3000) + "\n<at>李联络员</at>";
        var message = new OutgoingMessage(text)
        {
            Mentions = [new Mention("<at>王科长</at>", "29:wang", "王科长"), new Mention("<at>李联络员</at>", "29:li", "李联络员")],
        };

        var activity = MessageActivityFactory.Create(message, Chat, Bot);

        var mention = Assert.Single(activity.Entities!);
        Assert.Equal("<at>王科长</at>", mention.GetProperty("text").GetString());
    }
}
