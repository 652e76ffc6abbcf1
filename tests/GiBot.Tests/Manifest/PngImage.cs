using System.Buffers.Binary;
using System.IO.Compression;

namespace GiBot.Tests.Manifest;

/// <summary>
/// A minimal PNG reader for the icon checks: 8-bit RGB or RGBA, non-interlaced, all five row filters.
/// Anything else is rejected rather than guessed.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }
    public int Height { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return this[x, y];
            }
        }
    }

    /// <summary>Width and height from the IHDR chunk alone.</summary>
    public static (int Width, int Height) ReadSize(byte[] png)
    {
        CheckSignature(png);
        if (!png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("The first PNG chunk is not IHDR.");
        }
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    public static PngImage Decode(byte[] png)
    {
        var (width, height) = ReadSize(png);
        var bitDepth = png[24];
        var colorType = png[25];
        var interlace = png[28];
        var channels = colorType switch
        {
            2 => 3,
            6 => 4,
            _ => throw new InvalidDataException($"PNG colour type {colorType} is not supported by this reader."),
        };
        if (bitDepth != 8 || interlace != 0)
        {
            throw new InvalidDataException($"Only 8-bit non-interlaced PNGs are supported (bit depth {bitDepth}, interlace {interlace}).");
        }

        using var compressed = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (png.AsSpan(offset + 4, 4).SequenceEqual("IDAT"u8))
            {
                compressed.Write(png, offset + 8, length);
            }
            offset += 12 + length;
        }
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var stride = width * channels;
        var raw = inflated.ToArray();
        if (raw.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"PNG data has {raw.Length} bytes, expected {height * (stride + 1)}.");
        }
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            Unfilter(filter, row, previous, channels);
            for (var x = 0; x < width; x++)
            {
                var target = ((y * width) + x) * 4;
                rgba[target] = row[x * channels];
                rgba[target + 1] = row[(x * channels) + 1];
                rgba[target + 2] = row[(x * channels) + 2];
                rgba[target + 3] = channels == 4 ? row[(x * channels) + 3] : (byte)255;
            }
            previous = row;
        }
        return new PngImage(width, height, rgba);
    }

    private static void Unfilter(byte filter, byte[] row, byte[] above, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0;
            int up = above[i];
            int upLeft = i >= bpp ? above[i - bpp] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"Unknown PNG row filter {filter}."),
            };
            row[i] = (byte)(row[i] + predictor);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void CheckSignature(byte[] png)
    {
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }
    }
}
