using System.Globalization;
using GiBot.AppPackage;

namespace GiBot.Tests.Manifest;

/// <summary>What Teams requires of the zip itself: root-level files, the bot id, the icons.</summary>
public sealed class PackageContentTests : IDisposable
{
    private const string TestAppId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private readonly BuiltPackage _package = BuiltPackage.Build(new AppPackageSettings { MicrosoftAppId = TestAppId });

    public void Dispose() => _package.Dispose();

    private string IconFile(string kind) => _package.Manifest["icons"]![kind]!.GetValue<string>();

    [Fact]
    public void Zip_holds_the_manifest_and_every_file_it_names_at_the_root_and_nothing_else()
    {
        var manifest = _package.Manifest;
        var expected = new[] { "manifest.json" }
            .Concat(AppPackageBuilder.ReferencedFiles(manifest))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, _package.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(_package.Entries.Keys, name => Assert.DoesNotContain('/', name));
        Assert.Contains("en-US.json", _package.Entries.Keys);
    }

    [Fact]
    public void App_id_and_bot_id_are_the_configured_MicrosoftAppId()
    {
        var manifest = _package.Manifest;

        Assert.Equal(TestAppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(TestAppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(TestAppId, _package.Result.BotId);
        Assert.DoesNotContain("{{", _package.Manifest.ToJsonString());
    }

    [Fact]
    public void Version_comes_from_the_manifest_template_and_is_semver()
    {
        var version = _package.Manifest["version"]!.GetValue<string>();

        Assert.Equal(version, _package.Result.Version);
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
    }

    [Fact]
    public void Bot_is_in_personal_team_and_group_chat_scopes_without_file_support()
    {
        var bot = _package.Manifest["bots"]![0]!.AsObject();

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(bot.ContainsKey("supportsFiles"));
        Assert.Equal("zh-CN", _package.Manifest["localizationInfo"]!["defaultLanguageTag"]!.GetValue<string>());
    }

    [Fact]
    public void Color_icon_is_192_square_opaque_and_its_background_is_the_accent_color()
    {
        var png = _package.Entries[IconFile("color")];
        Assert.Equal((192, 192), PngImage.ReadSize(png));

        var image = PngImage.Decode(png);
        Assert.All(image.Pixels(), p => Assert.Equal(255, p.A));
        var accent = _package.Manifest["accentColor"]!.GetValue<string>();
        var (r, g, b, _) = image[0, 0];
        Assert.Equal(accent.TrimStart('#').ToUpperInvariant(), string.Create(CultureInfo.InvariantCulture, $"{r:X2}{g:X2}{b:X2}"));
        Assert.Contains(image.Pixels(), p => p is { R: 255, G: 255, B: 255 });
    }

    [Fact]
    public void Outline_icon_is_32_square_white_on_fully_transparent_only()
    {
        var png = _package.Entries[IconFile("outline")];
        Assert.Equal((32, 32), PngImage.ReadSize(png));

        var image = PngImage.Decode(png);
        var pixels = image.Pixels().ToArray();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R == 255 && p.G == 255 && p.B == 255), $"pixel {p} is neither fully transparent nor white"));
        Assert.Contains(pixels, p => p.A == 255);
        // Corners are background: the emblem must not fill the square.
        Assert.Equal(0, image[0, 0].A);
    }
}
