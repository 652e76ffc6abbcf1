using System.Text.Json;

namespace GiBot.Protocol.Schema;

/// <summary>Body of <c>POST /v3/conversations</c>: a 1:1 chat or a new channel thread.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public JsonElement? ChannelData { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}
