using GiBot.Conversation;
using GiBot.Protocol.Turns;

namespace GiBot.Overview;

/// <summary>
/// "总览", "本期未报送", "导出台账", "看板" typed as text. Order 35 puts it before the measures feature (100),
/// which would otherwise answer "总览 8" as a question about measure 8.
/// </summary>
public sealed class OverviewFeature(OverviewReplies replies) : IMessageFeature
{
    public int Order => 35;

    public async ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var command = OverviewCommand.Parse(turn.Text);
        if (command is not null && PersonalChatOnly.Refusal(turn) is { } refusal)
        {
            await turn.SendAsync(refusal, cancellationToken);
            return true;
        }
        var reply = command switch
        {
            ShowOverview show => await replies.ShowAsync(turn, show.Filter, cancellationToken),
            ShowMissing => await replies.MissingAsync(turn, cancellationToken),
            ExportLedger export => await replies.ExportAsync(turn, export.Xlsx, cancellationToken),
            OpenDashboard => await replies.DashboardAsync(turn, cancellationToken),
            _ => null,
        };
        if (reply is null)
        {
            return false;
        }
        await turn.SendAsync(reply, cancellationToken);
        return true;
    }
}
