using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace GiBot.Protocol.Turns;

/// <summary>
/// A conversation id and an activity id as one 128-bit XXH3 hash. The pair is encoded without ambiguity (the
/// conversation id's length first), and the seed is drawn once per process, so ids cannot be chosen to collide
/// in advance; by chance two of a hundred thousand held ids collide with odds of about 1 in 10^28.
/// </summary>
public readonly record struct ActivityKey(UInt128 Hash)
{
    private const int StackLimit = 512;

    private static readonly long Seed = Random.Shared.NextInt64();

    public static ActivityKey Of(string conversationId, string activityId)
    {
        var conversation = MemoryMarshal.AsBytes(conversationId.AsSpan());
        var activity = MemoryMarshal.AsBytes(activityId.AsSpan());
        var length = sizeof(int) + conversation.Length + activity.Length;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, conversationId.Length);
            conversation.CopyTo(buffer[sizeof(int)..]);
            activity.CopyTo(buffer[(sizeof(int) + conversation.Length)..]);
            return new ActivityKey(XxHash128.HashToUInt128(buffer[..length], Seed));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
