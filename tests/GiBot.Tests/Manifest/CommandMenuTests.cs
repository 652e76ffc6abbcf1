using System.Text.Json.Nodes;
using GiBot.AppPackage;
using GiBot.Conversation;
using GiBot.Localization;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Manifest;

/// <summary>
/// The Teams command menu offers only commands the bot understands, in both languages: every menu
/// title is sent through the real bot, and only 帮助/help may be answered by the help fallback.
/// </summary>
public sealed class CommandMenuTests : LocalBotTest
{
    private readonly BuiltPackage _package = BuiltPackage.Build(new AppPackageSettings { MicrosoftAppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301" });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _package.Dispose();
    }

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

    private IEnumerable<(string Title, Language Language)> AllTitles()
    {
        var english = _package.Json("en-US.json");
        foreach (var (key, command) in MenuCommands())
        {
            yield return (command["title"]!.GetValue<string>(), Language.Chinese);
            var translated = english[key + ".title"]?.GetValue<string>();
            Assert.True(translated is not null, $"en-US.json has no title for {key}");
            Assert.False(string.IsNullOrWhiteSpace(english[key + ".description"]?.GetValue<string>()), $"en-US.json has no description for {key}");
            yield return (translated!, Language.English);
        }
    }

    [Fact]
    public async Task Every_menu_title_inBoth_languages_is_answered_by_the_feature_it_names()
    {
        var titles = AllTitles().ToArray();
        Assert.NotEmpty(titles);
        for (var i = 0; i < titles.Length; i++)
        {
            var (title, language) = titles[i];
            await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, title, id: "menu-" + i));
            var reply = (await Connector.WaitForSentAsync(i + 1))[i].Json!;
            var text = reply["text"]?.GetValue<string>() ?? "";
            // The help fallback may open with an apology ("抱歉，我没有理解…"); its examples always close it.
            var isHelp = text.EndsWith(HelpText.Help(language), StringComparison.Ordinal);
            var isHelpCommand = title is "帮助" or "help";
            Assert.True(isHelp == isHelpCommand, $"menu title '{title}' was answered by {(isHelp ? "the help fallback" : "a feature")}: {text}");
            Assert.Equal(language, LanguageDetector.Detect(title));
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
        Assert.Superset(new HashSet<string>(["帮助", "第8项措施谁负责", "列出全部措施", "总览", "提醒计划"]), titles.ToHashSet());
    }
}
