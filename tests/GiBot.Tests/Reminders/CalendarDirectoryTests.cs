using GiBot.Reminders;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Reminders;

/// <summary>A year published after the build is added as a file in <c>Reminders:CalendarDirectory</c>.</summary>
public sealed class CalendarDirectoryTests : IDisposable
{
    // A made-up year in the published format: 2027-01-01 is a Friday, 2027-01-09 a Saturday.
    private const string Year2027 = """
        { "year": 2027, "source": "test", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ],
          "makeUpWorkdays": ["2027-01-09"] }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("gibot-calendar-").FullName;

    [Fact]
    public void A_file_adds_its_year_and_keeps_the_embedded_ones()
    {
        File.WriteAllText(Path.Combine(_directory, "2027.json"), Year2027);

        var calendar = WorkingDayCalendar.Load(_directory);

        Assert.True(calendar.HasScheduleFor(2027));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 9)));
        Assert.True(calendar.HasScheduleFor(2026));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void A_file_replaces_the_embedded_year()
    {
        File.WriteAllText(Path.Combine(_directory, "2026.json"), """{ "year": 2026, "source": "corrected", "holidays": [], "makeUpWorkdays": [] }""");

        var calendar = WorkingDayCalendar.Load(_directory);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void A_broken_file_is_named_in_the_error()
    {
        File.WriteAllText(Path.Combine(_directory, "2027.json"), "{ \"year\": 2027, \"holidays\": [ ");

        var error = Assert.Throws<InvalidDataException>(() => WorkingDayCalendar.Load(_directory));

        Assert.Contains("2027.json", error.Message);
    }

    [Fact]
    public async Task The_bot_reads_the_configured_directory()
    {
        File.WriteAllText(Path.Combine(_directory, "2027.json"), Year2027);
        await using var bot = new BotApp(new() { ["MicrosoftAppId"] = "", ["Reminders:CalendarDirectory"] = _directory, ["Reminders:Enabled"] = "false" });

        var calendar = bot.Services.GetRequiredService<WorkingDayCalendar>();

        Assert.True(calendar.HasScheduleFor(2027));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
