using System.IO.Compression;
using System.Text.Json.Nodes;
using GiBot.AppPackage;

namespace GiBot.Tests.Manifest;

/// <summary>A package built by <see cref="AppPackageBuilder"/> in a temporary folder, opened for inspection.</summary>
public sealed class BuiltPackage : IDisposable
{
    private readonly string _folder;

    private BuiltPackage(string folder, AppPackageResult result, IReadOnlyDictionary<string, byte[]> entries)
    {
        _folder = folder;
        Result = result;
        Entries = entries;
    }

    public AppPackageResult Result { get; }

    /// <summary>Zip entry full names (as stored) and their bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Entries { get; }

    public JsonObject Manifest => Json("manifest.json");

    public JsonObject Json(string entry) => JsonNode.Parse(Entries[entry])!.AsObject();

    public static BuiltPackage Build(AppPackageSettings settings)
    {
        var folder = Directory.CreateTempSubdirectory("gibot-package-").FullName;
        var result = AppPackageBuilder.Build(settings, Path.Combine(folder, "out", "GiBot.zip"));
        return new BuiltPackage(folder, result, Read(result.Path));
    }

    public static Dictionary<string, byte[]> Read(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }
        return entries;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
