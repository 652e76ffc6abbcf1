using System.Text.Json.Serialization;

namespace GiBot.Relay;

/// <summary>The relay's own stored state (settings values), not protocol types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RelayTarget))]
[JsonSerializable(typeof(RelayThreadRoot))]
[JsonSerializable(typeof(RelayReviewLog))]
internal sealed partial class RelayStateJson : JsonSerializerContext;
