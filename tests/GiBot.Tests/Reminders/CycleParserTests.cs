using GiBot.Reminders.Schedule;
using GiBot.Reminders.Teams;

namespace GiBot.Tests.Reminders;

/// <summary>"提醒周期 8 …": what is understood is taken exactly, and anything else is refused with the reason, never guessed.</summary>
public sealed class CycleParserTests
{
    [Theory]
    [InlineData("季度 25日 17:00", CycleKind.Quarterly, 25, "17:00")]
    [InlineData("月度 20日9:00", CycleKind.Monthly, 20, "09:00")]
    [InlineData("月度 20号 上午9点", CycleKind.Monthly, 20, "09:00")]
    [InlineData("每月 10日 下午5点半", CycleKind.Monthly, 10, "17:30")]
    [InlineData("季度 截止 15日 16点30分", CycleKind.Quarterly, 15, "16:30")]
    [InlineData("quarterly 31st", CycleKind.Quarterly, 31, "17:00")]
    [InlineData("monthly due on the 2nd at 9:30", CycleKind.Monthly, 2, "09:30")]
    [InlineData("半年", CycleKind.HalfYearly, 25, "17:00")]
    [InlineData("monthly 20", CycleKind.Monthly, 20, "17:00")]
    public void Cycles_are_read_exactly(string words, CycleKind kind, int day, string at)
    {
        var command = CycleParser.Parse(8, words);
        Assert.Null(command.Problem);
        Assert.Equal((kind, day, TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)), (command.Rule!.Kind, command.Rule.DueDay, command.Rule.DueTime));
    }

    [Fact]
    public void A_one_off_cycle_keeps_its_dates_in_order()
    {
        var command = CycleParser.Parse(9, "一次 2027-03-31 2026-12-20");
        Assert.Equal([new DateOnly(2026, 12, 20), new DateOnly(2027, 3, 31)], command.Rule!.Dates);
    }

    [Theory]
    [InlineData("季度 25日 25:00", "时间“25:00”不正确", "\"25:00\" is not a time of day")]
    [InlineData("季度 25日 99:99", "时间“99:99”不正确", "is not a time of day")]
    [InlineData("一次 2026-02-30", "日期 2026-02-30 不存在", "There is no date 2026-02-30")]
    [InlineData("月度 20日 每周一", "没看懂“周一”", "I did not understand \"周一\"")]
    [InlineData("weekly", "月度、季度、半年或一次", "monthly, quarterly, half-yearly or once")]
    [InlineData("季度 40日", "1 到 31", "1 to 31")]
    [InlineData("一次", "一次性周期请写截止日期", "A one-off cycle needs its deadline")]
    [InlineData("月度 2026-12-20", "只有一次性周期才写日期", "Only a one-off cycle takes dates")]
    public void Anything_not_understood_is_refused_in_both_languages(string words, string chinese, string english)
    {
        var command = CycleParser.Parse(8, words);
        Assert.Null(command.Rule);
        Assert.Contains(chinese, command.Problem!.Chinese, StringComparison.Ordinal);
        Assert.Contains(english, command.Problem.English, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", command.Problem.English.Replace("周一", "", StringComparison.Ordinal));
    }
}
