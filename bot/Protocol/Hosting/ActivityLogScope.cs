using System.Collections;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Hosting;

/// <summary>
/// The log scope of one request: activity id, conversation id and type, read from the activity only when
/// a log line is written (one small object per request instead of a dictionary).
/// </summary>
internal sealed class ActivityLogScope(Activity activity) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("ActivityId", activity.Id),
        1 => new("ConversationId", activity.Conversation?.Id),
        2 => new("ActivityType", activity.Type),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"ActivityId:{activity.Id} ConversationId:{activity.Conversation?.Id} ActivityType:{activity.Type}";
}
