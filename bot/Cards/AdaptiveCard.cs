using System.Text.Json.Nodes;

namespace GiBot.Cards;

/// <summary>An Adaptive Card ready to send: the JSON content of one attachment.</summary>
public sealed class AdaptiveCard(JsonObject content)
{
    public JsonObject Content { get; } = content;
}
