namespace GiBot.Protocol.Schema;

/// <summary>The connector's answer to a send, reply or update: the id of the posted activity.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}
