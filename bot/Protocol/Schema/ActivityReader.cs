using System.Buffers;
using System.Text;
using System.Text.Json;

namespace GiBot.Protocol.Schema;

/// <summary>
/// Reads an activity with the result <c>JsonSerializer.Deserialize(ref reader, ProtocolJson.Default.Activity)</c> gives
/// (same fields, same case-insensitive names, the same values kept as <see cref="JsonElement"/>, unknown fields in
/// <c>Extra</c>, the same bodies refused), reading the fields of a message by hand: names are matched in their usual
/// camelCase bytes first, any other casing through the same case-insensitive lookup the serializer uses. Entities
/// share one parsed document instead of one per entity. Rare parts (attachments, member lists) go through the
/// generated serializer.
/// </summary>
public static class ActivityReader
{
    private enum Field
    {
        Unknown, Type, Id, Name, Timestamp, LocalTimestamp, LocalTimezone, ServiceUrl, ChannelId, From, Conversation, Recipient,
        TextFormat, AttachmentLayout, Text, Summary, Locale, ReplyToId, Action, MembersAdded, MembersRemoved, Attachments,
        Entities, ChannelData, Value, AadObjectId, Role, ConversationType, IsGroup, TenantId,
    }

    private static readonly FieldSet ActivityFields = Fields(
        Field.Type, Field.Id, Field.Name, Field.Timestamp, Field.LocalTimestamp, Field.LocalTimezone, Field.ServiceUrl, Field.ChannelId,
        Field.From, Field.Conversation, Field.Recipient, Field.TextFormat, Field.AttachmentLayout, Field.Text, Field.Summary, Field.Locale,
        Field.ReplyToId, Field.Action, Field.MembersAdded, Field.MembersRemoved, Field.Attachments, Field.Entities, Field.ChannelData, Field.Value);

    private static readonly FieldSet AccountFields = Fields(Field.Id, Field.Name, Field.AadObjectId, Field.Role);

    private static readonly FieldSet ConversationFields = Fields(Field.Id, Field.Name, Field.ConversationType, Field.IsGroup, Field.TenantId);

    /// <summary>The fields of one type: as bits (for names matched exactly) and by name as the serializer looks them up (camelCase, ignoring case).</summary>
    private sealed record FieldSet(ulong Bits, Dictionary<string, Field> ByName)
    {
        public bool Has(Field field) => (Bits & (1UL << (int)field)) != 0;
    }

    private static FieldSet Fields(params Field[] fields) => new(
        fields.Aggregate(0UL, (bits, f) => bits | (1UL << (int)f)),
        fields.ToDictionary(WireName, StringComparer.OrdinalIgnoreCase));

    /// <summary>The field's name on the wire, as the serializer's camelCase policy spells the property.</summary>
    private static string WireName(Field field) => JsonNamingPolicy.CamelCase.ConvertName(field.ToString());

    /// <summary>Every field's wire name as UTF-8, indexed by its length: derived once from <see cref="Field"/>.</summary>
    private static readonly (byte[] Name, Field Field)[][] ExactNames = ByLength(
        Enum.GetValues<Field>().Where(f => f != Field.Unknown).Select(f => (Encoding.UTF8.GetBytes(WireName(f)), f)).ToArray());

    private static (byte[] Name, Field Field)[][] ByLength((byte[] Name, Field Field)[] names)
    {
        var table = new (byte[] Name, Field Field)[names.Max(n => n.Name.Length) + 1][];
        for (var length = 0; length < table.Length; length++)
        {
            table[length] = names.Where(n => n.Name.Length == length).ToArray();
        }
        return table;
    }

    /// <summary>
    /// The activity whose JSON starts at the reader's next token (or current one when reading has begun);
    /// null for the JSON literal null. Throws <see cref="JsonException"/> (or <see cref="InvalidOperationException"/>
    /// for a value of the wrong kind) where the serializer refuses the body.
    /// </summary>
    public static Activity? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
        {
            throw new JsonException("The body holds no JSON value.");
        }
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        ExpectObject(ref reader);
        var activity = new Activity();
        while (NextProperty(ref reader))
        {
            var field = Match(ref reader, ActivityFields, out var unknownName);
            reader.Read();
            switch (field)
            {
                case Field.Type: activity.Type = String(ref reader); break;
                case Field.Id: activity.Id = String(ref reader); break;
                case Field.Name: activity.Name = String(ref reader); break;
                case Field.Timestamp: activity.Timestamp = Time(ref reader); break;
                case Field.LocalTimestamp: activity.LocalTimestamp = Time(ref reader); break;
                case Field.LocalTimezone: activity.LocalTimezone = String(ref reader); break;
                case Field.ServiceUrl: activity.ServiceUrl = String(ref reader); break;
                case Field.ChannelId: activity.ChannelId = String(ref reader); break;
                case Field.From: activity.From = Account(ref reader); break;
                case Field.Conversation: activity.Conversation = Conversation(ref reader); break;
                case Field.Recipient: activity.Recipient = Account(ref reader); break;
                case Field.TextFormat: activity.TextFormat = String(ref reader); break;
                case Field.AttachmentLayout: activity.AttachmentLayout = String(ref reader); break;
                case Field.Text: activity.Text = String(ref reader); break;
                case Field.Summary: activity.Summary = String(ref reader); break;
                case Field.Locale: activity.Locale = String(ref reader); break;
                case Field.ReplyToId: activity.ReplyToId = String(ref reader); break;
                case Field.Action: activity.Action = String(ref reader); break;
                case Field.MembersAdded: activity.MembersAdded = JsonSerializer.Deserialize(ref reader, ProtocolJson.Default.ListChannelAccount); break;
                case Field.MembersRemoved: activity.MembersRemoved = JsonSerializer.Deserialize(ref reader, ProtocolJson.Default.ListChannelAccount); break;
                case Field.Attachments: activity.Attachments = JsonSerializer.Deserialize(ref reader, ProtocolJson.Default.ListAttachment); break;
                case Field.Entities: activity.Entities = Elements(ref reader); break;
                case Field.ChannelData: activity.ChannelData = OptionalElement(ref reader); break;
                case Field.Value: activity.Value = OptionalElement(ref reader); break;
                default: (activity.Extra ??= [])[unknownName!] = JsonElement.ParseValue(ref reader); break;
            }
        }
        return activity;
    }

    private static ChannelAccount? Account(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        ExpectObject(ref reader);
        var account = new ChannelAccount();
        while (NextProperty(ref reader))
        {
            var field = Match(ref reader, AccountFields, out var unknownName);
            reader.Read();
            switch (field)
            {
                case Field.Id: account.Id = String(ref reader); break;
                case Field.Name: account.Name = String(ref reader); break;
                case Field.AadObjectId: account.AadObjectId = String(ref reader); break;
                case Field.Role: account.Role = String(ref reader); break;
                default: (account.Extra ??= [])[unknownName!] = JsonElement.ParseValue(ref reader); break;
            }
        }
        return account;
    }

    private static ConversationAccount? Conversation(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        ExpectObject(ref reader);
        var conversation = new ConversationAccount();
        while (NextProperty(ref reader))
        {
            var field = Match(ref reader, ConversationFields, out var unknownName);
            reader.Read();
            switch (field)
            {
                case Field.Id: conversation.Id = String(ref reader); break;
                case Field.Name: conversation.Name = String(ref reader); break;
                case Field.ConversationType: conversation.ConversationType = String(ref reader); break;
                case Field.IsGroup: conversation.IsGroup = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean(); break;
                case Field.TenantId: conversation.TenantId = String(ref reader); break;
                default: (conversation.Extra ??= [])[unknownName!] = JsonElement.ParseValue(ref reader); break;
            }
        }
        return conversation;
    }

    private static void ExpectObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object, found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property name of the object; false at its end (the reader checks the structure).</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>
    /// The field the property name stands for. The usual name is recognised from its bytes; another spelling is
    /// decoded and looked up ignoring case, and is handed back when no field has it (it goes to <c>Extra</c>).
    /// </summary>
    private static Field Match(ref Utf8JsonReader reader, FieldSet fields, out string? unknownName)
    {
        unknownName = null;
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && Exact(reader.ValueSpan) is var exact && exact != Field.Unknown && fields.Has(exact))
        {
            return exact;
        }
        var name = PropertyName(ref reader);
        if (fields.ByName.TryGetValue(name, out var field))
        {
            return field;
        }
        unknownName = name;
        return Field.Unknown;
    }

    /// <summary>
    /// The name unescaped and decoded as the serializer does it for names: bytes that are not UTF-8 become U+FFFD
    /// (the name then matches no field and is kept in <c>Extra</c>) instead of refusing the body.
    /// </summary>
    private static string PropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
        }
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[]? rented = null;
        var buffer = length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return Encoding.UTF8.GetString(buffer[..reader.CopyString(buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The field whose wire name is exactly these bytes (in any of the three types), or Unknown.</summary>
    private static Field Exact(ReadOnlySpan<byte> name)
    {
        if (name.Length >= ExactNames.Length)
        {
            return Field.Unknown;
        }
        foreach (var (candidate, field) in ExactNames[name.Length])
        {
            if (name.SequenceEqual(candidate))
            {
                return field;
            }
        }
        return Field.Unknown;
    }

    /// <summary>A string or null; any other kind throws, as the serializer's string converter does.</summary>
    private static string? String(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    private static DateTimeOffset? Time(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var time))
        {
            throw new JsonException("The time is not an ISO 8601 string.");
        }
        return time;
    }

    /// <summary>The entities, all in one parsed document (the serializer parses one per entity: same values).</summary>
    private static List<JsonElement>? Elements(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a JSON array, found {reader.TokenType}.");
        }
        var array = JsonElement.ParseValue(ref reader);
        var elements = new List<JsonElement>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            elements.Add(element);
        }
        return elements;
    }

    /// <summary>JSON null is no value here (not an element of kind Null), as the serializer reads a nullable element.</summary>
    private static JsonElement? OptionalElement(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
}
