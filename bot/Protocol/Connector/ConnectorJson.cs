using System.Text.Json.Serialization;

namespace GiBot.Protocol.Connector;

/// <summary>Source-generated metadata for the connector's own response shapes, with the protocol's conventions.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PagedMembers))]
[JsonSerializable(typeof(TeamChannels))]
internal sealed partial class ConnectorJson : JsonSerializerContext;
