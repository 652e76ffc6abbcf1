using GiBot.Localization;

namespace GiBot.Updates;

/// <summary>The four statuses. The Chinese word is what is stored and relayed; English users see English labels.</summary>
public static class UpdateStatus
{
    public const string NotStarted = "未启动";
    public const string InProgress = "推进中";
    public const string Completed = "已完成";
    public const string Blocked = "受阻";

    public static IReadOnlyList<string> All { get; } = [NotStarted, InProgress, Completed, Blocked];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);

    public static string Label(string status, Language language) => language == Language.Chinese ? status : status switch
    {
        NotStarted => "Not started",
        InProgress => "In progress",
        Completed => "Completed",
        Blocked => "Blocked",
        _ => status,
    };

    /// <summary>The status a typed word means (推进中, 进行中, in-progress, done…), or null.</summary>
    public static string? Parse(string word) => word.Trim().ToLowerInvariant() switch
    {
        "未启动" or "未开始" or "not-started" or "notstarted" or "not started" or "todo" => NotStarted,
        "推进中" or "进行中" or "in-progress" or "inprogress" or "in progress" or "ongoing" or "doing" => InProgress,
        "已完成" or "完成" or "completed" or "complete" or "done" => Completed,
        "受阻" or "阻塞" or "blocked" => Blocked,
        _ => null,
    };
}
