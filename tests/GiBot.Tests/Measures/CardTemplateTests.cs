using System.Text.Json.Nodes;
using GiBot.Measures.Cards;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Measures;

public sealed class CardTemplateTests
{
    private static JsonObject Line(string text) => new() { ["type"] = "TextBlock", ["text"] = text };

    [Fact]
    public void Lists_are_spliced_into_arrays_null_removes_the_entry_and_text_is_interpolated()
    {
        var card = CardTemplate.Get("measure").FillObject(new CardValues()
            .Set("lang", "zh")
            .Set("heading", "标题")
            .Set("placement", "位置")
            .Set("blocks", [Line("一"), Line("二")])
            .Set("source", "来源")
            .Set("actions", (JsonNode?)null));
        var body = card["body"]!.AsArray();
        Assert.Equal(["标题", "位置", "一", "二", "来源"], body.Select(b => b!["text"]!.GetValue<string>()));
        Assert.Null(card["actions"]);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.True(card["body"]![0]!["wrap"]!.GetValue<bool>());
    }

    [Fact]
    public void A_missing_value_is_an_error_not_a_silent_placeholder()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CardTemplate.Get("measure-line").FillObject(new CardValues()));
        Assert.Contains("${text}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fills_are_independent_of_each_other()
    {
        var template = CardTemplate.Get("measure-line");
        var first = template.FillObject(new CardValues().Set("text", "甲"));
        var second = template.FillObject(new CardValues().Set("text", "乙"));
        Assert.Equal("甲", first["text"]!.GetValue<string>());
        Assert.Equal("乙", second["text"]!.GetValue<string>());
    }

    [Fact]
    public void Every_card_file_is_embedded_and_free_of_placeholders_after_a_real_answer()
    {
        var cardFiles = Directory.GetFiles(RepositoryFiles.Path("cards"), "*.json").Select(Path.GetFileNameWithoutExtension).ToArray();
        var embedded = typeof(CardTemplate).Assembly.GetManifestResourceNames();
        Assert.All(cardFiles, f => Assert.Contains($"cards/{f}.json", embedded));
        var reply = TestRegistry.Replies.Reply(TestRegistry.Parser.Parse("第二十项措施谁负责"), GiBot.Localization.Language.Chinese)!;
        Assert.DoesNotContain("${", CardJson.Text(reply.Cards.Single().Content), StringComparison.Ordinal);
    }
}
