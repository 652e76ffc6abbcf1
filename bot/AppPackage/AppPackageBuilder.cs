using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GiBot.AppPackage;

/// <summary>
/// Builds the Teams app package: manifest.json from the template with the configured bot id filled in,
/// plus every file the manifest names (icons, localization files), all at the zip root as Teams requires.
/// </summary>
public static class AppPackageBuilder
{
    public const string AppIdToken = "{{MicrosoftAppId}}";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keep the Chinese strings readable in the packaged manifest.json.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static AppPackageResult Build(AppPackageSettings settings, string outputPath)
    {
        var manifest = CreateManifest(settings);
        var files = new List<(string Name, byte[] Content)>
        {
            (AppPackageTemplate.ManifestFile, System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString(Indented) + "\n")),
        };
        foreach (var name in ReferencedFiles(manifest))
        {
            files.Add((name, AppPackageTemplate.Read(name)));
        }

        var fullPath = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = fullPath + ".tmp";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }
        File.Move(temporary, fullPath, overwrite: true);

        return new AppPackageResult(fullPath, manifest["version"]?.GetValue<string>() ?? "", settings.MicrosoftAppId, files.Select(f => f.Name).ToArray());
    }

    /// <summary>The manifest template with the app id, developer links and valid domains from configuration.</summary>
    public static JsonObject CreateManifest(AppPackageSettings settings)
    {
        var appId = settings.MicrosoftAppId.Trim();
        if (appId.Length == 0)
        {
            throw new AppPackageException("MicrosoftAppId is empty: set it to the Azure Bot's Microsoft App ID (appsettings.json or the MicrosoftAppId environment variable); a Teams package must carry the real bot id.");
        }
        if (!Guid.TryParseExact(appId, "D", out _))
        {
            throw new AppPackageException($"MicrosoftAppId '{appId}' is not a GUID like 00000000-0000-0000-0000-000000000000: copy the Microsoft App ID from the Azure Bot's Configuration page.");
        }

        var manifest = JsonNode.Parse(AppPackageTemplate.Read(AppPackageTemplate.ManifestFile))?.AsObject()
            ?? throw new AppPackageException("manifest/manifest.json is empty.");
        ReplaceToken(manifest, AppIdToken, appId);

        var developer = manifest["developer"]!.AsObject();
        SetUrl(developer, "websiteUrl", settings.WebsiteUrl, "AppPackage:WebsiteUrl");
        SetUrl(developer, "privacyUrl", settings.PrivacyUrl, "AppPackage:PrivacyUrl");
        SetUrl(developer, "termsOfUseUrl", settings.TermsOfUseUrl, "AppPackage:TermsOfUseUrl");

        var domains = manifest["validDomains"] as JsonArray ?? [];
        manifest["validDomains"] = domains;
        foreach (var domain in settings.ValidDomains)
        {
            if (!domains.Any(d => string.Equals(d?.GetValue<string>(), domain, StringComparison.OrdinalIgnoreCase)))
            {
                domains.Add((JsonNode)domain);
            }
        }

        if (manifest.ToJsonString().Contains("{{", StringComparison.Ordinal))
        {
            throw new AppPackageException("manifest/manifest.json still holds a {{placeholder}} after filling in the configuration; only {{MicrosoftAppId}} is supported.");
        }
        return manifest;
    }

    /// <summary>The icons and localization files the manifest names; Teams reads them from the zip root.</summary>
    public static IReadOnlyList<string> ReferencedFiles(JsonObject manifest)
    {
        var names = new List<string?>
        {
            manifest["icons"]?["color"]?.GetValue<string>(),
            manifest["icons"]?["outline"]?.GetValue<string>(),
        };
        if (manifest["localizationInfo"]?["additionalLanguages"] is JsonArray languages)
        {
            names.AddRange(languages.Select(l => l?["file"]?.GetValue<string>()));
        }
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.Contains('\\'))
            {
                throw new AppPackageException($"manifest.json names the file '{name}': icons and localization files must be plain file names at the package root.");
            }
        }
        return names.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void ReplaceToken(JsonNode node, string token, string value)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToArray())
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out var text) && text.Contains(token, StringComparison.Ordinal))
                    {
                        obj[key] = text.Replace(token, value, StringComparison.Ordinal);
                    }
                    else if (child is not null)
                    {
                        ReplaceToken(child, token, value);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var text) && text.Contains(token, StringComparison.Ordinal))
                    {
                        array[i] = text.Replace(token, value, StringComparison.Ordinal);
                    }
                    else if (array[i] is { } child)
                    {
                        ReplaceToken(child, token, value);
                    }
                }
                break;
        }
    }

    private static void SetUrl(JsonObject developer, string property, string? url, string key)
    {
        if (url is null)
        {
            return;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new AppPackageException($"{key} '{url}' is not an https:// address; Teams requires https links for the developer.");
        }
        developer[property] = url;
    }
}

/// <summary>A built package: where it is, the app version from the manifest, the bot id it carries and its files.</summary>
public sealed record AppPackageResult(string Path, string Version, string BotId, IReadOnlyList<string> Files);
