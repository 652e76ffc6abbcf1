using System.Globalization;
using System.Text;

namespace GiBot.Load;

/// <summary>
/// Teams personal-chat message activities, "who is responsible for measure N" (N cycling 1–20),
/// from a pool of users each in their own conversation, so per-conversation rate limits stay out of the way.
/// </summary>
public sealed class TeamsMessages(string serviceUrl, int conversations)
{
    public byte[] Create(int sequence)
    {
        var user = sequence % conversations;
        var measure = sequence % 20 + 1;
        var timestamp = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var json = string.Create(CultureInfo.InvariantCulture, $$$"""
            {"type":"message","id":"{{{TurnLedger.ActivityId(sequence)}}}","timestamp":"{{{timestamp}}}","localTimestamp":"{{{timestamp}}}","serviceUrl":"{{{serviceUrl}}}","channelId":"msteams","from":{"id":"29:load-user-{{{user}}}","name":"Load User {{{user}}}","aadObjectId":"00000000-0000-0000-0000-{{{user:D12}}}"},"conversation":{"conversationType":"personal","tenantId":"{{{BotUnderTest.Tenant}}}","id":"a:load-conversation-{{{user}}}"},"recipient":{"id":"28:{{{BotUnderTest.AppId}}}","name":"GiBot"},"textFormat":"plain","locale":"en-US","text":"who is responsible for measure {{{measure}}}","entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web","timezone":"Asia/Shanghai"}],"channelData":{"tenant":{"id":"{{{BotUnderTest.Tenant}}}"}}
            """) + "}";
        // (the last brace is appended: a raw string cannot end in three of them)
        return Encoding.UTF8.GetBytes(json);
    }
}
