using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Questions;
using GiBot.Protocol.Turns;

namespace GiBot.Measures;

/// <summary>Question in, answer out: parse, look up, build the card and text. Pure, so it can be tested and benchmarked without a bot.</summary>
public sealed class MeasureAnswerer(MeasureQueryParser parser, MeasureReplies replies)
{
    /// <summary>The answer, or null when the text is not a question about the plan's measures.</summary>
    public OutgoingMessage? Answer(string? question, Language language) => replies.Reply(parser.Parse(question), language);
}
