using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using GiBot.Tests.Hosting;
using GiBot.Tests.Storage;

namespace GiBot.Tests.NativeAot;

/// <summary>The native executable on PostgreSQL (Npgsql without reflection) and as the package-manifest command.</summary>
public sealed class NativeAotStartupTests
{
    [Fact]
    public async Task On_PostgreSQL_it_starts_and_answers_a_signed_question()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var bot = await NativeBot.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
        });

        var reply = await bot.AskAsync(NativeBot.Liaison, "who is responsible for measure 8");

        Assert.Contains("执法稽查科", NativeBot.Text(reply), StringComparison.Ordinal);
        Assert.Contains("Storage ready: PostgreSQL", bot.Bot.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(bot.DatabasePath));
    }

    [Fact]
    public async Task An_HTTPS_endpoint_in_Kestrel_configuration_serves_the_native_bot()
    {
        // The native binary is built from CreateSlimBuilder: Kestrel's HTTPS configuration must still be compiled in.
        Assert.Equal("ok", await HttpsEndpoint.GetHealthOverHttpsAsync(await NativeAotBinary.GetAsync()));
    }

    [Fact]
    public async Task The_package_manifest_command_builds_the_Teams_package()
    {
        var executable = await NativeAotBinary.GetAsync();
        var directory = Directory.CreateTempSubdirectory("gibot-native-package-");
        try
        {
            var output = Path.Combine(directory.FullName, "GiBot.zip");
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = directory.FullName,
            };
            foreach (var arg in new[] { "package-manifest", "--output", output })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555";
            start.Environment["AppPackage__ValidDomains__0"] = "gibot.example.gov.cn";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stdout}{await stderr}");
            using var zip = ZipFile.OpenRead(output);
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = JsonNode.Parse(await reader.ReadToEndAsync(TestContext.Current.CancellationToken))!;
            Assert.Equal("11111111-2222-3333-4444-555555555555", manifest["bots"]![0]!["botId"]!.GetValue<string>());
            Assert.Contains("gibot.example.gov.cn", manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
