using GiBot.Protocol.Turns;

namespace GiBot.Measures;

/// <summary>Answers questions about the plan's measures: by number, item, section, unit or words of the text.</summary>
public sealed class MeasuresFeature(MeasureAnswerer answerer) : IMessageFeature
{
    public int Order => 100;

    public async ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (answerer.Answer(turn.Text, turn.Language) is not { } reply)
        {
            return false;
        }
        await turn.SendAsync(reply, cancellationToken);
        return true;
    }
}
