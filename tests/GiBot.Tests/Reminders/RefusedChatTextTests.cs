using System.Net;
using GiBot.Localization;
using GiBot.Reminders.Sending;
using GiBot.Roster;

namespace GiBot.Tests.Reminders;

public class RefusedChatTextTests
{
    [Fact]
    public void A_refused_persons_name_shows_as_typed_with_unit_and_reason()
    {
        var person = new RosterPerson("aad-1", "*王*_伟_", null, [new UnitMembership("执法稽查科", RosterRole.Liaison)]);

        var text = RefusedChatText.Text([new RefusedChat(person, HttpStatusCode.NotFound)], Language.Chinese);

        Assert.Contains(@"- \*王\*\_伟\_（执法稽查科）：Teams 找不到与对方的私聊（404）", text, StringComparison.Ordinal);
    }
}
