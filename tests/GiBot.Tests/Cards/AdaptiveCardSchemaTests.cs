using System.Text.Json.Nodes;

namespace GiBot.Tests.Cards;

/// <summary>The validator itself: it must accept a good card and catch the mistakes it exists to catch.</summary>
public sealed class AdaptiveCardSchemaTests
{
    private static JsonObject Card(JsonNode body, JsonArray? actions = null) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = new JsonArray(body),
        ["actions"] = actions ?? [],
    };

    private static JsonObject Submit(JsonObject data) => new() { ["type"] = "Action.Submit", ["title"] = "Go", ["data"] = data };

    [Fact]
    public void A_valid_card_with_msteams_and_Container_rtl_passes()
    {
        AdaptiveCardSchema.SkipWithoutSchema();
        var card = Card(new JsonObject { ["type"] = "Container", ["rtl"] = false, ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "你好" }) },
            [Submit(new JsonObject { ["verb"] = "x.y", ["lang"] = "zh-CN" })]);
        Assert.Empty(AdaptiveCardSchema.Validate(card));
    }

    [Fact]
    public void An_unknown_property_fails_the_schema()
    {
        AdaptiveCardSchema.SkipWithoutSchema();
        var card = Card(new JsonObject { ["type"] = "TextBlock", ["text"] = "x", ["colour"] = "Accent" });
        Assert.NotEmpty(AdaptiveCardSchema.Validate(card));
    }

    [Fact]
    public void A_wrong_enum_value_fails_the_schema()
    {
        AdaptiveCardSchema.SkipWithoutSchema();
        var card = Card(new JsonObject { ["type"] = "TextBlock", ["text"] = "x", ["size"] = "Huge" });
        Assert.NotEmpty(AdaptiveCardSchema.Validate(card));
    }

    [Fact]
    public void A_button_without_verb_or_lang_is_reported()
    {
        var card = Card(new JsonObject { ["type"] = "TextBlock", ["text"] = "x" }, [Submit(new JsonObject { ["number"] = 8 })]);
        var problems = AdaptiveCardSchema.Validate(card);
        Assert.Contains(problems, p => p.Contains("without a verb", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("without data.lang", StringComparison.Ordinal));
    }

    [Fact]
    public void An_oversized_card_is_reported()
    {
        var card = Card(new JsonObject { ["type"] = "TextBlock", ["text"] = new string('长', 10_000) });
        Assert.Contains(AdaptiveCardSchema.Validate(card), p => p.Contains("limit", StringComparison.Ordinal));
    }
}
