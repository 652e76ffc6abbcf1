using System.Text.Json.Nodes;
using GiBot.Storage;

namespace GiBot.Tests.Roster;

/// <summary>A person put on the roster by email is re-keyed to their aadObjectId when they write; a nameless one is named from Teams; others cost no lookup.</summary>
public sealed class EmailIdentityResolverTests
{
    private static readonly TeamsUser Sun = new("29:sun", "00000000-0000-0000-0000-0000000000b5", "孙科长", "a:sun-chat");

    private static Task<RosterHarness> StartAsync() => RosterHarness.StartAsync(new()
    {
        ["Roster:People:2:Email"] = "Sun@Example.gov.cn",
        ["Roster:People:2:Units:0"] = "法规科",
        ["Roster:People:2:Role"] = "head",
    });

    private static int MemberLookups(RosterHarness h) => h.Connector.Calls.Count(c => c.Method == "GET" && c.Path.Contains("/members/", StringComparison.Ordinal));

    [Fact]
    public async Task An_email_only_person_is_known_by_aad_object_id_after_writing_with_that_email()
    {
        await using var h = await StartAsync();
        var message = h.Message(Sun, "第8项谁负责");
        message["from"]!["email"] = "sun@example.gov.cn";

        await h.SendAsync(message);

        var entries = await h.Get<IRosterStore>().ListAsync(CancellationToken.None);
        Assert.DoesNotContain(entries, e => e.PersonId.StartsWith("email:", StringComparison.Ordinal));
        var sun = Assert.Single(entries, e => e.PersonId == Sun.Aad);
        Assert.Equal(("法规科", "head", Sun.Aad), (sun.UnitId, sun.Role, sun.AadObjectId));
        Assert.Equal(0, MemberLookups(h));
    }

    [Fact]
    public async Task Someone_configured_without_a_name_is_named_from_Teams_and_a_configured_name_is_kept()
    {
        var settings = new Dictionary<string, string?> { ["Roster:People:0:Name"] = null };
        await using (var h = await RosterHarness.StartAsync(settings))
        {
            Assert.Null((await h.Get<GiBot.Roster.IRosterDirectory>().FindAsync(TeamsUser.Admin.Aad, CancellationToken.None))!.Name);

            await h.SendAsync(h.Message(TeamsUser.Admin, "第8项谁负责"));

            var admin = await h.Get<GiBot.Roster.IRosterDirectory>().FindAsync(TeamsUser.Admin.Aad, CancellationToken.None);
            Assert.Equal(TeamsUser.Admin.Name, admin!.Name);
            var refused = await h.Get<GiBot.Roster.IRosterDirectory>().CanAdministerAsync(TeamsUser.Liaison.Aad, CancellationToken.None);
            Assert.Contains($"请联系管理员：{TeamsUser.Admin.Name}", refused.ReasonChinese, StringComparison.Ordinal);

            // Someone already named keeps the name configured for them, whatever Teams calls them.
            var renamed = h.Message(TeamsUser.Liaison, "第8项谁负责");
            renamed["from"]!["name"] = "别的名字";
            await h.SendAsync(renamed);
            Assert.Equal(TeamsUser.Liaison.Name, (await h.Get<GiBot.Roster.IRosterDirectory>().FindAsync(TeamsUser.Liaison.Aad, CancellationToken.None))!.Name);
        }
    }

    [Fact]
    public async Task Someone_already_on_the_roster_causes_no_member_lookup_while_email_only_entries_wait()
    {
        await using var h = await StartAsync();

        await h.SendAsync(h.Message(TeamsUser.Liaison, "第8项谁负责"));
        await h.SendAsync(h.Message(TeamsUser.Liaison, "第9项谁负责"));

        Assert.Equal(0, MemberLookups(h));
        Assert.Contains(await h.Get<IRosterStore>().ListAsync(CancellationToken.None), e => e.PersonId == "email:sun@example.gov.cn");
    }

    [Fact]
    public async Task Someone_not_on_the_roster_is_looked_up_once_per_process()
    {
        await using var h = await StartAsync();
        h.Connector.GetResponses["/members/"] = new JsonObject { ["id"] = TeamsUser.Stranger.Id, ["email"] = "stranger@example.com" }.ToJsonString();

        await h.SendAsync(h.Message(TeamsUser.Stranger, "第8项谁负责"));
        await h.SendAsync(h.Message(TeamsUser.Stranger, "第9项谁负责"));

        Assert.Equal(1, MemberLookups(h));
        Assert.Contains(await h.Get<IRosterStore>().ListAsync(CancellationToken.None), e => e.PersonId == "email:sun@example.gov.cn");
    }
}
