using System.Buffers;

namespace GiBot.Tests.Connector;

/// <summary>An array pool that hands out new arrays (a little longer than asked) and records what is rented and returned.</summary>
internal sealed class CountingArrayPool : ArrayPool<byte>
{
    public List<byte[]> Rented { get; } = [];

    public List<byte[]> Returned { get; } = [];

    public override byte[] Rent(int minimumLength)
    {
        var array = new byte[minimumLength + 16];
        Rented.Add(array);
        return array;
    }

    public override void Return(byte[] array, bool clearArray = false) => Returned.Add(array);
}
