using System.Text.Json.Nodes;
using GiBot.AppPackage;

namespace GiBot.Tests.Manifest;

/// <summary>The built package against Microsoft's official Teams manifest and localization schemas.</summary>
public sealed class PackageSchemaTests : IDisposable
{
    private const string TestAppId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private readonly BuiltPackage _package = BuiltPackage.Build(new AppPackageSettings { MicrosoftAppId = TestAppId });

    public void Dispose() => _package.Dispose();

    private string ManifestVersion => _package.Manifest["manifestVersion"]!.GetValue<string>();

    [Fact]
    public void Manifest_validates_against_the_official_schema_of_its_version()
    {
        var errors = TeamsSchemas.Errors(TeamsSchemas.Manifest(ManifestVersion), _package.Manifest);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Schema_url_names_the_same_version_as_manifestVersion()
    {
        var schemaUrl = _package.Manifest["$schema"]!.GetValue<string>();

        Assert.StartsWith("https://developer.microsoft.com/", schemaUrl);
        Assert.EndsWith($"/teams/v{ManifestVersion}/MicrosoftTeams.schema.json", schemaUrl);
    }

    [Fact]
    public void Every_localization_file_validates_against_the_localization_schema_and_names_its_own_version()
    {
        var languages = _package.Manifest["localizationInfo"]!["additionalLanguages"]!.AsArray();
        Assert.NotEmpty(languages);
        var schema = TeamsSchemas.Localization(ManifestVersion);

        foreach (var language in languages)
        {
            var file = _package.Json(language!["file"]!.GetValue<string>());
            var errors = TeamsSchemas.Errors(schema, file);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.EndsWith($"/teams/v{ManifestVersion}/MicrosoftTeams.Localization.schema.json", file["$schema"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_schema_check_rejects_what_Teams_would_reject()
    {
        // Proves the converted draft-04 schema really validates: each mutation alone must fail.
        var schema = TeamsSchemas.Manifest(ManifestVersion);
        var mutations = new Action<JsonObject>[]
        {
            m => m["bots"]![0]!["botId"] = "not-a-guid",
            m => m["bots"]![0]!["scopes"]!.AsArray().Add("everywhere"),
            m => m["name"]!["short"] = new string('长', 31),
            m => m["accentColor"] = "red",
            m => m.Remove("icons"),
            m => m["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["title"] = new string('x', 33),
        };

        foreach (var mutate in mutations)
        {
            var manifest = _package.Manifest;
            mutate(manifest);
            Assert.NotEmpty(TeamsSchemas.Errors(schema, manifest));
        }
    }

    [Fact]
    public void Configured_developer_links_and_valid_domains_still_validate()
    {
        using var package = BuiltPackage.Build(new AppPackageSettings
        {
            MicrosoftAppId = TestAppId,
            WebsiteUrl = "https://gibot.example.cn/",
            PrivacyUrl = "https://gibot.example.cn/privacy",
            TermsOfUseUrl = "https://gibot.example.cn/terms",
            ValidDomains = ["gibot.example.cn"],
        });
        var manifest = package.Manifest;

        Assert.Empty(TeamsSchemas.Errors(TeamsSchemas.Manifest(ManifestVersion), manifest));
        Assert.Equal("https://gibot.example.cn/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal("https://gibot.example.cn/terms", manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
        Assert.Contains("gibot.example.cn", manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }
}
