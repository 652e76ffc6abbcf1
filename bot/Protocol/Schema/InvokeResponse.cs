using System.Text.Json;

namespace GiBot.Protocol.Schema;

/// <summary>What the bot answers synchronously to an <c>invoke</c>: an HTTP status and a JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body)
{
    public static InvokeResponse NotImplemented { get; } = new(501, null);
}

/// <summary>The body of an <c>adaptiveCard/action</c> invoke response.</summary>
public sealed class AdaptiveCardInvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int StatusCode { get; set; } = 200;
    public string Type { get; set; } = MessageType;
    public JsonElement? Value { get; set; }
}
