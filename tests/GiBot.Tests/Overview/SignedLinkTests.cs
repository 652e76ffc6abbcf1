using System.Net;
using GiBot.Overview.Links;
using GiBot.Storage;
using GiBot.Tests.Roster;
using Microsoft.AspNetCore.WebUtilities;

namespace GiBot.Tests.Overview;

/// <summary>Download and dashboard links: they expire, are bound to path and user, and cannot be forged.</summary>
public sealed class SignedLinkTests : IAsyncLifetime
{
    private OverviewBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await OverviewBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    private LinkSigner Signer => _bot.Get<LinkSigner>();

    private static Dictionary<string, string> Query(string query) =>
        QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => p.Value.ToString());

    private async Task<LinkCheck> CheckAsync(string path, Dictionary<string, string> q) =>
        await Signer.CheckAsync(path, q["u"], q["exp"], q["sig"], CancellationToken.None);

    [Fact]
    public async Task A_link_is_valid_until_its_lifetime_ends()
    {
        var q = Query(await Signer.SignAsync("/dashboard", TeamsUser.Admin.Aad, TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.Equal(LinkCheck.Valid, await CheckAsync("/dashboard", q));
        _bot.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(LinkCheck.Valid, await CheckAsync("/dashboard", q));
        _bot.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(LinkCheck.Expired, await CheckAsync("/dashboard", q));
    }

    [Fact]
    public async Task Changing_signature_path_user_or_expiry_invalidates_the_link()
    {
        var q = Query(await Signer.SignAsync("/overview/ledger.xlsx", TeamsUser.Admin.Aad, TimeSpan.FromMinutes(15), CancellationToken.None));
        var sig = q["sig"];
        var flipped = (sig[0] == 'A' ? 'B' : 'A') + sig[1..];
        Assert.Equal(LinkCheck.Invalid, await CheckAsync("/overview/ledger.xlsx", new(q) { ["sig"] = flipped }));
        Assert.Equal(LinkCheck.Invalid, await CheckAsync("/overview/ledger.xlsx", new(q) { ["sig"] = sig[..^2] }));
        Assert.Equal(LinkCheck.Invalid, await CheckAsync("/overview/ledger.xlsx", new(q) { ["sig"] = "not base64 !" }));
        Assert.Equal(LinkCheck.Invalid, await CheckAsync("/overview/ledger.csv", q));
        Assert.Equal(LinkCheck.Invalid, await CheckAsync("/dashboard", q));
        Assert.Equal(LinkCheck.Invalid, await CheckAsync("/overview/ledger.xlsx", new(q) { ["u"] = TeamsUser.Liaison.Aad }));
        Assert.Equal(LinkCheck.Invalid, await CheckAsync("/overview/ledger.xlsx", new(q) { ["exp"] = (long.Parse(q["exp"], System.Globalization.CultureInfo.InvariantCulture) + 86400).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(LinkCheck.Invalid, await CheckAsync("/overview/ledger.xlsx", new(q) { ["exp"] = "-1" }));
        Assert.Equal(LinkCheck.Valid, await CheckAsync("/overview/ledger.xlsx", q));
    }

    [Fact]
    public async Task A_generated_key_is_stored_once_and_shared_by_every_instance()
    {
        var store = _bot.Get<IBotSettingsStore>();
        var first = await _bot.Get<SigningKeyProvider>().GetAsync(CancellationToken.None);
        var second = await new SigningKeyProvider(_bot.Get<GiBot.Overview.OverviewOptions>(), store).GetAsync(CancellationToken.None);
        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(Convert.ToBase64String(first), (await store.GetAsync(SigningKeyProvider.SettingKey, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task A_configured_key_signs_instead_of_the_stored_one_so_their_links_differ()
    {
        await using var configured = await OverviewBot.StartAsync(new() { ["Overview:SigningKey"] = new string('k', 40) });
        var mine = Query(await Signer.SignAsync("/dashboard", TeamsUser.Admin.Aad, TimeSpan.FromMinutes(5), CancellationToken.None));
        var theirs = Query(await configured.Get<LinkSigner>().SignAsync("/dashboard", TeamsUser.Admin.Aad, TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(mine["exp"], theirs["exp"]);
        Assert.NotEqual(mine["sig"], theirs["sig"]);
        Assert.Equal(LinkCheck.Invalid, await configured.Get<LinkSigner>().CheckAsync("/dashboard", mine["u"], mine["exp"], mine["sig"], CancellationToken.None));
        Assert.Null(await configured.Get<IBotSettingsStore>().GetAsync(SigningKeyProvider.SettingKey, CancellationToken.None));
    }

    [Fact]
    public async Task Expired_forged_and_no_longer_permitted_links_get_a_polite_403_page_in_chinese_and_english()
    {
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, "看板");
        var url = OverviewBot.LinkOf(card!);
        Assert.StartsWith("http://localhost/dashboard?u=", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _bot.GetAsync(url)).StatusCode);

        var forged = await _bot.GetAsync(url.Replace(TeamsUser.Admin.Aad, TeamsUser.Liaison.Aad, StringComparison.Ordinal));
        await AssertForbiddenAsync(forged, "链接无效", "not valid");
        await AssertForbiddenAsync(await _bot.GetAsync(url.Replace("/dashboard?", "/overview/ledger.csv?", StringComparison.Ordinal)), "链接无效", "not valid");
        await AssertForbiddenAsync(await _bot.GetAsync("http://localhost/dashboard"), "链接无效", "not valid");

        var liaisonLink = await Signer.SignAsync("/dashboard", TeamsUser.Liaison.Aad, TimeSpan.FromMinutes(5), CancellationToken.None);
        await AssertForbiddenAsync(await _bot.GetAsync("http://localhost/dashboard?" + liaisonLink), "无权查看", "heads and administrators only");

        _bot.Time.Advance(TimeSpan.FromMinutes(61));
        await AssertForbiddenAsync(await _bot.GetAsync(url), "链接已过期", "has expired");
    }

    [Fact]
    public async Task The_signature_covers_the_endpoint_not_the_requests_spelling_of_its_path()
    {
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, "看板");
        var query = new Uri(OverviewBot.LinkOf(card!)).Query;
        foreach (var path in new[] { "/dashboard", "/Dashboard", "/DASHBOARD/" })
        {
            var response = await _bot.GetAsync("http://localhost" + path + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        }
        await AssertForbiddenAsync(await _bot.GetAsync("http://localhost/overview/ledger.xlsx" + query), "链接无效", "not valid");
    }

    [Fact]
    public async Task The_ledger_files_are_never_served_without_a_valid_link_for_a_head_or_admin()
    {
        var liaison = await Signer.SignAsync(SignedLinks.LedgerXlsxPath, TeamsUser.Liaison.Aad, TimeSpan.FromMinutes(5), CancellationToken.None);
        foreach (var path in new[] { SignedLinks.LedgerXlsxPath, SignedLinks.LedgerCsvPath })
        {
            await AssertForbiddenAsync(await _bot.GetAsync("http://localhost" + path), "链接无效", "not valid");
            await AssertForbiddenAsync(await _bot.GetAsync($"http://localhost{path}?u={TeamsUser.Admin.Aad}&exp=9999999999&sig="), "链接无效", "not valid");
        }
        await AssertForbiddenAsync(await _bot.GetAsync($"http://localhost{SignedLinks.LedgerXlsxPath}?{liaison}"), "无权查看", "heads and administrators only");
    }

    [Fact]
    public async Task A_parameter_given_twice_makes_the_link_invalid()
    {
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, "看板");
        var url = OverviewBot.LinkOf(card!);
        var q = Query(new Uri(url).Query);
        foreach (var repeated in new[] { "u", "exp", "sig" })
        {
            await AssertForbiddenAsync(await _bot.GetAsync($"{url}&{repeated}={Uri.EscapeDataString(q[repeated])}"), "链接无效", "not valid");
        }
        Assert.Equal(HttpStatusCode.OK, (await _bot.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task File_links_last_fifteen_minutes_and_the_configured_public_base_url_is_used()
    {
        await using var bot = await OverviewBot.StartAsync(new() { ["Overview:PublicBaseUrl"] = "https://gibot.example.gov.cn/bot/" });
        var (text, card) = await bot.AskAsync(TeamsUser.Admin, "导出台账");
        Assert.Contains("15 分钟内有效", text, StringComparison.Ordinal);
        var url = OverviewBot.LinkOf(card!);
        Assert.StartsWith("https://gibot.example.gov.cn/bot/overview/ledger.xlsx?u=", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync(url.Replace("/bot/", "/", StringComparison.Ordinal))).StatusCode);
        bot.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.GetAsync(url.Replace("/bot/", "/", StringComparison.Ordinal))).StatusCode);
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response, string chinese, string english)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(chinese, html, StringComparison.Ordinal);
        Assert.Contains(english, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}
