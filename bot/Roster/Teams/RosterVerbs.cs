using System.Text.Json.Nodes;
using GiBot.Localization;

namespace GiBot.Roster.Teams;

/// <summary>Card button verbs of the roster feature; every button's data carries <c>lang</c>.</summary>
public static class RosterVerbs
{
    public const string Prefix = "roster.";
    public const string Join = "roster.join";
    public const string Approve = "roster.approve";
    public const string Reject = "roster.reject";
    public const string Add = "roster.add";
    public const string Remove = "roster.remove";
    public const string List = "roster.list";
    public const string MyMeasures = "roster.mine";

    public static JsonObject Data(string verb, Language language, string? requestId = null)
    {
        var data = new JsonObject { ["verb"] = verb, ["lang"] = language.Tag() };
        if (requestId is not null)
        {
            data["request"] = requestId;
        }
        return data;
    }
}
