using System.Text.Json.Nodes;

namespace GiBot.Tests.Infrastructure;

/// <summary>The buttons of an Adaptive Card the bot sent, found by the verb in their data.</summary>
public static class CardButtons
{
    public static bool Has(JsonObject card, string verb) =>
        card["actions"]?.AsArray().OfType<JsonObject>().Any(a => a["data"]?["verb"]?.GetValue<string>() == verb) == true;

    /// <summary>A copy of the button's data, to press it with inputs added.</summary>
    public static JsonObject Data(JsonObject card, string verb) =>
        (JsonObject)card["actions"]!.AsArray().OfType<JsonObject>().First(a => a["data"]?["verb"]?.GetValue<string>() == verb)["data"]!.DeepClone();

    /// <summary>The update form's 预览 button data with a complete, valid report typed in.</summary>
    public static JsonObject FilledUpdateForm(JsonObject form, string progress)
    {
        var data = Data(form, GiBot.Updates.UpdateVerbs.Preview);
        data["status"] = "推进中";
        data["percent"] = "60";
        data["progress"] = progress;
        data["problems"] = "";
        data["nextSteps"] = "下月开展联合执法";
        data["majorIssue"] = "false";
        data["majorIssueDescription"] = "";
        data["evidenceUrl"] = "";
        return data;
    }
}
