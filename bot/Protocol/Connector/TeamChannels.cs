namespace GiBot.Protocol.Connector;

/// <summary>Body of <c>GET v3/teams/{id}/conversations</c>. The General channel has no name and the team's id.</summary>
internal sealed class TeamChannels
{
    public List<ChannelInfo>? Conversations { get; set; }
}
