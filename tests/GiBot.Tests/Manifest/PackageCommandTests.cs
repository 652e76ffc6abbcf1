using System.Diagnostics;
using GiBot.AppPackage;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace GiBot.Tests.Manifest;

/// <summary><c>GiBot package-manifest</c>: the real binary, its configuration sources and its failures.</summary>
public sealed class PackageCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gibot-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Built_binary_packages_with_the_app_id_from_an_environment_variable_and_never_starts_the_host()
    {
        const string appId = "a3bb189e-8bf9-3888-9912-ace4e6543002";
        var output = Path.Combine(_folder.FullName, "nested", "GiBot.zip");

        var (exitCode, stdout, stderr) = await RunAsync(new() { ["MicrosoftAppId"] = appId }, "package-manifest", "--output", output);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains(output, stdout);
        Assert.DoesNotContain("Now listening", stdout);
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(BuiltPackage.Read(output)["manifest.json"])!;
        Assert.Equal(appId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Built_binary_with_an_empty_app_id_fails_with_one_clear_line_and_writes_nothing()
    {
        var output = Path.Combine(_folder.FullName, "GiBot.zip");

        var (exitCode, stdout, stderr) = await RunAsync(new() { ["MicrosoftAppId"] = "" }, "package-manifest", $"--output={output}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("package-manifest: MicrosoftAppId is empty", line);
        Assert.Equal("", stdout.Trim());
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("package-manifest", "--output")]
    [InlineData("package-manifest", "--colour", "red")]
    [InlineData("package-manifest", "-o", "a.zip", "-o", "b.zip")]
    public void Bad_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        var error = new StringWriter();

        var exitCode = AppPackageCommand.Run(args, Configuration(new() { ["MicrosoftAppId"] = "a3bb189e-8bf9-3888-9912-ace4e6543002" }), new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Usage: GiBot package-manifest", error.ToString());
    }

    [Theory]
    [InlineData("not-a-guid", "is not a GUID")]
    [InlineData("{a3bb189e-8bf9-3888-9912-ace4e6543002}", "is not a GUID")]
    public void An_app_id_that_is_not_a_plain_GUID_is_refused(string appId, string expected)
    {
        var error = new StringWriter();

        var exitCode = AppPackageCommand.Run(["package-manifest", "--output", Path.Combine(_folder.FullName, "x.zip")], Configuration(new() { ["MicrosoftAppId"] = appId }), new StringWriter(), error);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, error.ToString());
    }

    [Fact]
    public void A_developer_link_that_is_not_https_is_refused()
    {
        var settings = new AppPackageSettings { MicrosoftAppId = "a3bb189e-8bf9-3888-9912-ace4e6543002", PrivacyUrl = "http://gibot.example.cn/privacy" };

        var error = Assert.Throws<AppPackageException>(() => AppPackageBuilder.CreateManifest(settings));

        Assert.Contains("AppPackage:PrivacyUrl", error.Message);
    }

    [Fact]
    public void Settings_are_read_from_the_same_keys_the_bot_uses()
    {
        var settings = AppPackageSettings.From(Configuration(new()
        {
            ["MicrosoftAppId"] = " a3bb189e-8bf9-3888-9912-ace4e6543002 ",
            ["AppPackage:WebsiteUrl"] = "https://gibot.example.cn/",
            ["AppPackage:ValidDomains:0"] = "gibot.example.cn",
            ["AppPackage:ValidDomains:1"] = " ",
        }));

        Assert.Equal("a3bb189e-8bf9-3888-9912-ace4e6543002", settings.MicrosoftAppId);
        Assert.Equal("https://gibot.example.cn/", settings.WebsiteUrl);
        Assert.Null(settings.PrivacyUrl);
        Assert.Equal(["gibot.example.cn"], settings.ValidDomains);
    }

    [Fact]
    public void Default_output_is_manifest_build_in_the_repository_that_holds_the_working_directory()
    {
        var repository = Directory.CreateDirectory(Path.Combine(_folder.FullName, "repo"));
        File.WriteAllText(Path.Combine(repository.FullName, "GiBot.sln"), "");
        var inside = Directory.CreateDirectory(Path.Combine(repository.FullName, "bot", "bin"));
        var outside = Directory.CreateDirectory(Path.Combine(_folder.FullName, "elsewhere"));

        Assert.Equal(Path.Combine(repository.FullName, "manifest", "build", "GiBot.zip"), AppPackageCommand.DefaultOutput(inside.FullName));
        Assert.Equal(Path.Combine(outside.FullName, "GiBot.zip"), AppPackageCommand.DefaultOutput(outside.FullName));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.FullName,
        };
        start.ArgumentList.Add(BotProcess.BotAssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
