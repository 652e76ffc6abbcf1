using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Connector;

/// <summary>One page of <c>GET v3/conversations/{id}/pagedmembers</c>; a null token means the last page.</summary>
public sealed class PagedMembers
{
    public string? ContinuationToken { get; set; }

    public List<ChannelAccount> Members { get; set; } = [];
}
