namespace GiBot.AppPackage;

/// <summary>
/// The files under <c>manifest/</c> (manifest.json, localization files, icons), embedded in the bot
/// assembly as <c>manifest/&lt;file&gt;</c> so packaging works wherever the binary runs from.
/// </summary>
public static class AppPackageTemplate
{
    public const string ManifestFile = "manifest.json";

    public static byte[] Read(string fileName)
    {
        using var stream = typeof(AppPackageTemplate).Assembly.GetManifestResourceStream("manifest/" + fileName)
            ?? throw new AppPackageException($"The package file '{fileName}' named in manifest.json is not in manifest/ (it must be embedded in the bot).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
