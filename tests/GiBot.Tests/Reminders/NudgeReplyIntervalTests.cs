using GiBot.Localization;
using GiBot.Reminders.Nudges;

namespace GiBot.Tests.Reminders;

/// <summary>The nudge reply names the interval between nudges that is configured, not always "an hour".</summary>
public class NudgeReplyIntervalTests
{
    [Theory]
    [InlineData(60, Language.Chinese, "每个单位每小时最多提醒一次")]
    [InlineData(90, Language.Chinese, "每个单位每 90 分钟最多提醒一次")]
    [InlineData(60, Language.English, "at most once an hour;")]
    [InlineData(30, Language.English, "at most once every 30 minutes;")]
    public void A_unit_nudged_recently_is_told_with_the_configured_interval(int minutes, Language language, string expected)
    {
        var reply = new NudgeReply(8, "2026-11") { Interval = TimeSpan.FromMinutes(minutes) };
        reply.Waiting.Add(("执法稽查科", "2026-11-16 11:00"));

        Assert.Contains(expected, reply.Text(language), StringComparison.Ordinal);
    }
}
