using System.Globalization;
using GiBot.Conversation;
using GiBot.Localization;
using GiBot.Protocol.Turns;

namespace GiBot.Updates;

/// <summary>The update dialog's buttons, whether pressed as Action.Submit or Action.Execute.</summary>
public sealed class UpdateCardActions(UpdateDialog dialog) : ICardActionFeature
{
    public bool Handles(string verb) => verb.StartsWith(UpdateVerbs.Prefix, StringComparison.Ordinal);

    public async ValueTask<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        if (PersonalChatOnly.Refusal(turn, ("汇报进展", "update")) is { } refusal)
        {
            return CardActionResult.Say(refusal);
        }
        var reply = action.Verb switch
        {
            UpdateVerbs.Start => await dialog.StartAsync(turn, Measure(action), ignoreDraft: false, cancellationToken,
                action.Get(UpdateVerbs.UnitKey), action.Get(UpdateVerbs.PeriodKey)),
            UpdateVerbs.Restart => await dialog.StartAsync(turn, Measure(action), ignoreDraft: true, cancellationToken,
                action.Get(UpdateVerbs.UnitKey), action.Get(UpdateVerbs.PeriodKey)),
            UpdateVerbs.Resume => await dialog.ResumeAsync(turn, action, cancellationToken),
            UpdateVerbs.Preview => await dialog.PreviewAsync(turn, action, cancellationToken),
            UpdateVerbs.Edit => await dialog.EditAsync(turn, action, cancellationToken),
            UpdateVerbs.Submit => await dialog.SubmitAsync(turn, action, cancellationToken),
            UpdateVerbs.Cancel => await dialog.CancelAsync(turn, action, cancellationToken),
            UpdateVerbs.Correct => await dialog.CorrectAsync(turn, action.Get(UpdateVerbs.UpdateIdKey), cancellationToken),
            _ => UpdateReply.Say(new OutgoingMessage(turn.Language.Pick(
                "抱歉，这个按钮已失效。请发送“汇报进展”重新开始。", "Sorry, this button is no longer valid. Send \"update\" to start again."))),
        };
        return reply.ToCardActionResult();
    }

    private static int? Measure(CardAction action) =>
        int.TryParse(action.Get(UpdateVerbs.MeasureKey), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
