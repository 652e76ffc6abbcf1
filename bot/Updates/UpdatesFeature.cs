using GiBot.Conversation;
using GiBot.Protocol.Turns;

namespace GiBot.Updates;

/// <summary>
/// The update commands typed as text. Order 50 puts it before the measures feature (100), which would
/// otherwise answer "update 8" or "第8项进展" as a question about measure 8.
/// </summary>
public sealed class UpdatesFeature(UpdateDialog dialog, UpdateHistory history, NoChangeReporter noChange) : IMessageFeature
{
    public int Order => 50;

    public async ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var command = UpdateCommand.Parse(turn.Text);
        if (command is not null && PersonalChatOnly.Refusal(turn) is { } refusal)
        {
            await turn.SendAsync(refusal, cancellationToken);
            return true;
        }
        var reply = command switch
        {
            StartUpdate start => (await dialog.StartAsync(turn, start.Measure, ignoreDraft: false, cancellationToken)).Message,
            QuickUpdate quick => (await dialog.QuickAsync(turn, quick, cancellationToken)).Message,
            ShowHistory show => await history.ShowAsync(turn, show.Measure, cancellationToken),
            NoChange nothing => await noChange.TypedAsync(turn, nothing.Measure, cancellationToken),
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
