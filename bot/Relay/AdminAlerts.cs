using System.Globalization;
using System.Net;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>What the relay tells admins in their 1:1 chats: no channel set yet, or posting fails in a way only a person can fix.</summary>
public sealed class AdminAlerts(RosterAccess roster, PersonalNotifier notifier, IBotSettingsStore settings, Microsoft.Extensions.Options.IOptionsMonitor<RelayOptions> options, TimeProvider time)
{
    /// <summary>Once (across restarts): updates are waiting and no channel is set. Retried until an admin was reached.</summary>
    public async Task TellNoChannelOnceAsync(int pending, CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(RelaySettingKeys.NoChannelNoticeSent, cancellationToken) is not null)
        {
            return;
        }
        var configured = options.CurrentValue is { TeamId.Length: > 0, ChannelId.Length: > 0 };
        var message = new OutgoingMessage(configured
            // The channel is named in configuration, but without the bot in that team there is nothing to post with.
            ? $"有 {pending} 条进展等待转发到知识产权保护科频道。配置中已指定接收频道，但 GiBot 还没有被添加到该频道所在的团队，因此无法发帖；进展已妥善保存、不会丢失。\n\n"
                + "处理方法：在 Teams 中将 GiBot 添加到该团队，添加后等待中的进展会自动转发。"
            : $"有 {pending} 条进展等待转发到知识产权保护科频道，但尚未设置接收频道，进展已妥善保存、不会丢失。\n\n"
                + "设置方法：将 GiBot 添加到该团队，然后在要接收进展的频道中 @GiBot 并发送“在此频道接收进展”（英文：relay here）。"
                + "也可由运维人员在 appsettings.json 的 Relay 部分填写 TeamId 和 ChannelId。");
        if (await TellAllAsync(message, cancellationToken) > 0)
        {
            await settings.SetAsync(RelaySettingKeys.NoChannelNoticeSent, Stamp(time.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>Posting to the channel failed permanently; told once per channel and status (once an admin was reached).</summary>
    public async Task TellPermanentFailureAsync(RelayTarget target, ConnectorException failure, RelayUpdatePayload? payload, CancellationToken cancellationToken)
    {
        var key = RelaySettingKeys.FailureNotice(target.ChannelId, (int)failure.StatusCode);
        var told = await settings.GetAsync(key, cancellationToken);
        if (told is not null && told.Value != NobodyTold && !await RequeuedSinceAsync(told, cancellationToken))
        {
            return;
        }
        if (!await settings.TrySetAsync(key, Stamp(time.GetUtcNow()), told?.Version ?? 0, cancellationToken))
        {
            return;
        }
        var what = payload is null ? "一条进展" : $"{payload.Report.UnitId}提交的第 {payload.Report.Measure} 项措施（{payload.Report.Period}）进展";
        var message = new OutgoingMessage(
            $"无法将{what}转发到知识产权保护科频道：{Reason(failure)}\n\n"
            + (failure.IsTooLarge ? TooLargeAdvice(payload) : "处理方法：确认 GiBot 仍在该团队中、接收频道仍存在；如已更换频道，请在新频道中 @GiBot 并发送“在此频道接收进展”，未送达的进展会随之重新转发；"
                + "如问题已在原频道解决，请私聊 GiBot 发送“重新转发”。")
            + $"（技术信息：{(int)failure.StatusCode} {failure.ErrorCode}）");
        if (await TellAllAsync(message, cancellationToken) == 0 && await settings.GetAsync(key, cancellationToken) is { } claimed)
        {
            // No admin could be reached (none has a chat with the bot yet): the next failure tries again.
            await settings.TrySetAsync(key, NobodyTold, claimed.Version, cancellationToken);
        }
    }

    /// <summary>
    /// Puts the posts given up on back in the queue after an admin fixed the cause; a failure after this is
    /// told to admins again, even for a channel and reason they were told about before.
    /// </summary>
    public async Task<int> RequeueGivenUpAsync(IRelayOutbox outbox, CancellationToken cancellationToken)
    {
        await settings.SetAsync(RelaySettingKeys.RequeuedAt, Stamp(time.GetUtcNow()), cancellationToken);
        return await outbox.RequeueGivenUpAsync(cancellationToken);
    }

    private const string NobodyTold = "nobody reached";

    private async Task<bool> RequeuedSinceAsync(BotSetting told, CancellationToken cancellationToken) =>
        await settings.GetAsync(RelaySettingKeys.RequeuedAt, cancellationToken) is { } requeued && Parse(requeued.Value) >= Parse(told.Value);

    private static string Stamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) =>
        DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;

    // Neither the channel nor the bot is at fault, so changing channel or relaying again would not help.
    private static string TooLargeAdvice(RelayUpdatePayload? payload) =>
        "该进展已完整保存，可发送" + (payload is null ? "" : $"“第{payload.Report.Measure}项进展”或") + "“导出台账”查看。"
        + "Teams 仍会拒绝同样大小的帖子，因此“重新转发”不会成功，更换频道也无济于事；请将此情况告知 GiBot 的运维人员。";

    public static string Reason(ConnectorException failure) => failure.IsTooLarge ? "帖子超过了 Teams 单条消息的大小上限。" : failure.StatusCode switch
    {
        HttpStatusCode.Forbidden => "GiBot 已被移出该团队或无权在该频道发帖。",
        HttpStatusCode.NotFound => "接收频道已被删除或无法找到。",
        HttpStatusCode.Unauthorized => "GiBot 的身份验证未通过，请检查机器人凭据配置。",
        _ => "Teams 拒绝了该帖子。",
    };

    private async Task<int> TellAllAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var reached = 0;
        foreach (var admin in await roster.AdminsAsync(cancellationToken))
        {
            if (await notifier.TellAsync(admin.AadObjectId, message, cancellationToken))
            {
                reached++;
            }
        }
        return reached;
    }
}
