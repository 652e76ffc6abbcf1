using System.Text.Json.Nodes;
using GiBot.AppPackage;

namespace GiBot.Tests.Manifest;

/// <summary>The Teams command menu offers only commands the bot understands, in both languages.</summary>
public sealed class CommandMenuTests : IDisposable
{
    private readonly BuiltPackage _package = BuiltPackage.Build(new AppPackageSettings { MicrosoftAppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301" });

    public void Dispose() => _package.Dispose();

    /// <summary>(localization key prefix, command) for every command in every list.</summary>
    private IEnumerable<(string Key, JsonObject Command)> MenuCommands()
    {
        var lists = _package.Manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            for (var c = 0; c < commands.Count; c++)
            {
                yield return ($"bots[0].commandLists[{l}].commands[{c}]", commands[c]!.AsObject());
            }
        }
    }

    [Fact]
    public void Every_Chinese_menu_title_is_a_phrase_the_bot_understands()
    {
        var titles = MenuCommands().Select(c => c.Command["title"]!.GetValue<string>()).ToArray();

        Assert.NotEmpty(titles);
        Assert.All(titles, title => Assert.True(BotCommandPhrases.IsUnderstood(title), $"menu title '{title}' is not in BotCommandPhrases"));
    }

    [Fact]
    public void Every_English_menu_title_is_the_English_phrasing_of_the_same_command()
    {
        var english = _package.Json("en-US.json");

        foreach (var (key, command) in MenuCommands())
        {
            var chinese = command["title"]!.GetValue<string>();
            var translated = english[key + ".title"]?.GetValue<string>();
            Assert.True(translated is not null, $"en-US.json has no title for '{chinese}' ({key})");
            Assert.Equal(BotCommandPhrases.Find(chinese)!.English, translated);
            Assert.False(string.IsNullOrWhiteSpace(english[key + ".description"]?.GetValue<string>()), $"en-US.json has no description for {key}");
        }
    }

    [Fact]
    public void Localization_file_translates_no_command_that_is_not_in_the_menu()
    {
        var keys = MenuCommands().SelectMany(c => new[] { c.Key + ".title", c.Key + ".description" }).ToHashSet();
        var commandKeys = _package.Json("en-US.json").Select(p => p.Key).Where(k => k.StartsWith("bots[", StringComparison.Ordinal));

        Assert.All(commandKeys, k => Assert.Contains(k, keys));
    }

    [Fact]
    public void Menu_has_the_main_commands_and_each_only_once()
    {
        var titles = MenuCommands().Select(c => c.Command["title"]!.GetValue<string>()).ToArray();

        Assert.Equal(titles.Length, titles.Distinct().Count());
        Assert.Superset(new HashSet<string>(["帮助", "第8项措施谁负责", "汇报进展", "我的措施", "总览"]), titles.ToHashSet());
    }

    [Theory]
    [InlineData("帮助", "help")]
    [InlineData("  HELP ", "help")]
    [InlineData("Who owns   measure 8", "who owns measure 8")]
    [InlineData("汇报进展", "update")]
    public void Phrases_match_in_either_language_ignoring_case_and_spacing(string text, string english) =>
        Assert.Equal(english, BotCommandPhrases.Find(text)?.English);

    [Theory]
    [InlineData("帮")]
    [InlineData("第9项措施谁负责吗")]
    [InlineData("")]
    public void Text_that_is_not_a_phrase_is_not_understood(string text) =>
        Assert.False(BotCommandPhrases.IsUnderstood(text));
}
