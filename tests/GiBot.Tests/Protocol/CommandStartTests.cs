using GiBot.Overview;
using GiBot.Protocol.Turns;
using GiBot.Reminders.Teams;
using GiBot.Roster.Teams;
using GiBot.Updates;

namespace GiBot.Tests.Protocol;

/// <summary>
/// The command parsers' pre-check (<see cref="CommandStart"/>) must never turn a command away: over every command
/// example and thousands of variants of it (each first character swapped for ASCII, CJK, case-folding and full-width
/// characters, leading whitespace), each parser answers exactly as it does without the pre-check.
/// </summary>
public sealed class CommandStartTests
{
    /// <summary>Commands of every text feature before the measures (and a few questions that are not commands).</summary>
    private static readonly string[] Examples =
    [
        // roster
        "我的措施", "我的任务", "本单位措施", "我们单位的措施", "my measures", "My measures?", "my tasks", "my unit's measures", "我的措施 温县", "my measures: Wen County",
        "加入单位", "申请加入单位", "申请加入", "加入", "join", "join a unit", "join unit",
        "我是执法稽查科的联络员", "我是 人事科 的科长。", "I am the liaison of the Personnel Section", "I'm a member of Wen County Market Supervision Administration",
        "i am an admin for the Personnel Section", "成员列表", "成员名单 执法稽查科", "人员名单", "名单", "roster 执法稽查科", "list members", "members",
        "添加 zhangsan@example.gov.cn 到 执法稽查科 为 联络员", "添加 到 标准化科 为 负责人", "add 张三 to the Personnel Section as liaison",
        "移除 张三 从 执法稽查科", "删除 张三", "remove 张三", "remove Zhang San from the Personnel Section",
        "将 张三 在 人事科 设为 联络员", "把 张三 设为 负责人", "张三设为管理员", "set Zhang San as admin", "make Zhang San head of the Personnel Section",
        // overview
        "总览", "总览 8", "总览 温县", "总览：执法稽查科", "概览", "overview", "Overview.", "overview Wen County", "未报送", "本期未报送", "尚未报送单位",
        "未报名单", "not reported", "who has not reported?", "Who  has\tnot yet REPORTED", "who is responsible for reporting", "not yet reported", "missing reports", "missing report", "导出台账", "导出督办台账 xlsx",
        "导出 csv", "导出", "督办台账", "export", "export CSV", "export ledger xlsx", "看板", "进度看板", "Dashboard",
        // updates
        "第8项进展", "8项进展", "第八项措施的进展", "查看第8项的汇报记录", "8 项历史", "history 8", "progress of measure 14", "updates 3",
        "汇报进展", "进展汇报", "填报进展", "我要汇报", "update", "Update.", "report", "report progress", "progress update",
        "汇报第8项", "汇报进展 3", "汇报第二十项进展", "update 8", "update measure 8", "report progress 12", "第8项汇报", "第十二项汇报进展", "二十项汇报",
        "update 8 推进中 60% 已完成专项检查3次", "update 8 done 100％ all finished", "汇报 8 已完成 100% 全部完成", "汇报第9项 受阻：缺经费",
        "第8项本期无新进展", "本期无新进展", "无新进展 8", "没有新进展", "no news on measure 8", "measure 8 no news", "nothing new", "8 无进展",
        // reminders
        "提醒计划", "reminder plan", "reminders plan", "reminder schedule", "提醒周期 8 季度 20日", "提醒周期 8 每周", "提醒周期 8 默认",
        "reminder cycle 8 monthly 25", "提醒 8", "提醒第8项", "remind 8", "remind 12",
        // not commands
        "who is responsible for measure 8", "第8项措施谁负责", "执法稽查科负责哪些措施", "帮助", "help", "8", "八", "",
    ];

    /// <summary>Characters put in place of each example's first one: every printable ASCII character, CJK ones from
    /// the commands and others, characters that fold to ASCII letters under case rules, full-width forms.</summary>
    private static readonly string Replacements =
        string.Concat(Enumerable.Range(0x21, 0x5E).Select(c => (char)c))
        + "我本加申成人名添移删总概未尚导督看进查第零〇一二两三四五六七八九十汇填提谁帮执八"
        + "\u212A\u0130\u0131\u017F\u212B\uFF18\uFF41\uFF2D\u3007\u00E9\u0660";

    private static IEnumerable<string> Corpus()
    {
        foreach (var example in Examples)
        {
            yield return example;
            yield return "  " + example;
            yield return "\u3000" + example + "\n";
            yield return example.ToUpperInvariant();
            if (example.Length == 0)
            {
                continue;
            }
            foreach (var c in Replacements)
            {
                yield return c + example[1..];
                yield return " " + c + example[1..];
            }
        }
    }

    [Fact]
    public void Roster_pre_check_never_turns_a_command_away() =>
        AssertSameAnswers(t => RosterCommandParser.Parse(t), t => RosterCommandParser.ParseAny(t), minimumCommands: 40);

    [Fact]
    public void Overview_pre_check_never_turns_a_command_away() =>
        AssertSameAnswers(t => OverviewCommand.Parse(t), t => OverviewCommand.ParseAny(t), minimumCommands: 30);

    [Fact]
    public void Updates_pre_check_never_turns_a_command_away() =>
        AssertSameAnswers(t => UpdateCommand.Parse(t), t => UpdateCommand.ParseAny(t), minimumCommands: 30);

    [Fact]
    public void Reminders_pre_check_never_turns_a_command_away() =>
        AssertSameAnswers(t => ReminderCommand.Parse(t), t => ReminderCommand.ParseAny(t), minimumCommands: 12);

    [Fact]
    public void A_plain_question_is_turned_away_before_the_parsers()
    {
        // The pre-check is what saves the work: the question never reaches the command patterns.
        Assert.False(CommandStart.MayStartWith("who is responsible for measure 8", "我本加申成人名添移删mjilras"));
        Assert.False(CommandStart.MayStartWith("who is responsible for measure 8", "查第零〇一二两三四五六七八九十我汇进填0123456789hpur"));
        Assert.False(CommandStart.MayStartWith("执法稽查科负责哪些措施", "提r"));
        Assert.Null(OverviewCommand.Parse("who is responsible for measure 8"));
        Assert.IsType<ShowMissing>(OverviewCommand.Parse("who has not reported?"));
    }

    [Theory]
    [InlineData("remind 8", "提r", true)]
    [InlineData("  Remind 8", "提r", true)]
    [InlineData("\u3000提醒 8", "提r", true)]
    [InlineData("who", "提r", false)]
    [InlineData("第8项", "提r", false)]
    [InlineData("〇项", "〇", true)]
    [InlineData("〇项", "第", false)]
    [InlineData("   ", "提r", false)]
    [InlineData("", "提r", false)]
    [InlineData("\u212Aelvin", "r", true)] // Kelvin sign: case rules may fold it to k, so the parser decides
    [InlineData("\uFF18 项", "第", true)] // full-width 8 is a decimal digit to \d
    public void The_first_character_decides_only_where_case_cannot_matter(string text, string firstChars, bool expected) =>
        Assert.Equal(expected, CommandStart.MayStartWith(text, firstChars));

    private static void AssertSameAnswers(Func<string, object?> parse, Func<string, object?> parseAny, int minimumCommands)
    {
        var commands = 0;
        var texts = 0;
        foreach (var text in Corpus())
        {
            texts++;
            var expected = parseAny(text);
            var actual = parse(text);
            Assert.True((expected is null) == (actual is null), $"'{text}': without the pre-check {expected?.ToString() ?? "null"}, with it {actual?.ToString() ?? "null"}");
            if (expected is not null)
            {
                commands++;
                Assert.Equal(expected.ToString(), actual!.ToString());
            }
        }
        Assert.True(texts > 20_000, $"only {texts} texts");
        Assert.True(commands >= minimumCommands, $"only {commands} of {texts} texts were commands");
    }
}
