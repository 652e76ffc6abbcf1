using System.Net;
using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;
using GiBot.Updates;

namespace GiBot.Tests.FaultDrills;

/// <summary>The update card dialog as a Teams client drives it: open the form, fill and preview, then read the submit button's data.</summary>
public static class CardDialog
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The data of the preview's 提交 button for <paramref name="person"/>, with <paramref name="progress"/> typed in.</summary>
    public static async Task<JsonObject> PrepareSubmitAsync(DrillBot bot, FakeConnector connector, int person, string progress)
    {
        var chat = DrillBot.Chat(person);
        Assert.Equal(HttpStatusCode.OK, await bot.PostAsync(bot.Message(person, "汇报第8项")));
        var form = await WaitForCardAsync(connector, chat, UpdateVerbs.Preview, after: 0);
        var data = CardButtons.FilledUpdateForm(form.Card, progress);
        Assert.Equal(HttpStatusCode.OK, await bot.PostAsync(bot.Press(person, data, CardId(person))));
        var preview = await WaitForCardAsync(connector, chat, UpdateVerbs.Submit, after: form.Index);
        return CardButtons.Data(preview.Card, UpdateVerbs.Submit);
    }

    /// <summary>The id the fake client gives the person's card message (the bot replaces the card there).</summary>
    public static string CardId(int person) => $"card-{person}";

    private sealed record SentCard(int Index, JsonObject Card);

    private static async Task<SentCard> WaitForCardAsync(FakeConnector connector, string chat, string verb, int after)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var calls = connector.Calls.ToArray();
            for (var i = calls.Length - 1; i >= after; i--)
            {
                var call = calls[i];
                if (call.Method == "GET" || !call.Path.StartsWith($"/v3/conversations/{chat}/activities", StringComparison.Ordinal))
                {
                    continue;
                }
                if (call.Json?["attachments"]?.AsArray().FirstOrDefault()?["content"] is JsonObject card && CardButtons.Has(card, verb))
                {
                    return new SentCard(i + 1, card);
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No card with {verb} reached {chat}.");
    }

}
