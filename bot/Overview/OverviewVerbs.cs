using System.Text.Json.Nodes;
using GiBot.Localization;

namespace GiBot.Overview;

/// <summary>The overview card's buttons. The filter travels as <c>filter</c>: a unit id or a measure number.</summary>
public static class OverviewVerbs
{
    public const string Prefix = "overview.";
    public const string Show = "overview.show";
    public const string Missing = "overview.missing";
    public const string Export = "overview.export";
    public const string Dashboard = "overview.dashboard";

    public static JsonObject Data(string verb, Language language, string? filter = null, string? format = null)
    {
        var data = new JsonObject { ["verb"] = verb, ["lang"] = language.Tag() };
        if (filter is not null)
        {
            data["filter"] = filter;
        }
        if (format is not null)
        {
            data["format"] = format;
        }
        return data;
    }
}
