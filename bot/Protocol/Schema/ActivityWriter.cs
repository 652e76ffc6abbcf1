using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GiBot.Protocol.Schema;

/// <summary>
/// Writes an activity exactly as <c>JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Wire.Activity)</c> does
/// (same fields, order and escaping), driving the writer by hand: the fields of a reply are written without the
/// serializer's metadata walk, and text that carries its encoded form (<see cref="EncodedText"/>) is copied, not
/// escaped and transcoded again. Rare parts (entities, channel data, value, members, extension data) go through
/// the generated serializer, so they stay what it writes.
/// </summary>
public static class ActivityWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = ProtocolJson.Wire.Options.Encoder };

    /// <summary>A body larger than this does not keep its buffer for the next write on the thread.</summary>
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type"), IdName = JsonEncodedText.Encode("id"),
        NameName = JsonEncodedText.Encode("name"), TimestampName = JsonEncodedText.Encode("timestamp"),
        LocalTimestampName = JsonEncodedText.Encode("localTimestamp"), LocalTimezoneName = JsonEncodedText.Encode("localTimezone"),
        ServiceUrlName = JsonEncodedText.Encode("serviceUrl"), ChannelIdName = JsonEncodedText.Encode("channelId"),
        FromName = JsonEncodedText.Encode("from"), ConversationName = JsonEncodedText.Encode("conversation"),
        RecipientName = JsonEncodedText.Encode("recipient"), TextFormatName = JsonEncodedText.Encode("textFormat"),
        AttachmentLayoutName = JsonEncodedText.Encode("attachmentLayout"), TextName = JsonEncodedText.Encode("text"),
        SummaryName = JsonEncodedText.Encode("summary"), LocaleName = JsonEncodedText.Encode("locale"),
        ReplyToIdName = JsonEncodedText.Encode("replyToId"), ActionName = JsonEncodedText.Encode("action"),
        MembersAddedName = JsonEncodedText.Encode("membersAdded"), MembersRemovedName = JsonEncodedText.Encode("membersRemoved"),
        AttachmentsName = JsonEncodedText.Encode("attachments"), EntitiesName = JsonEncodedText.Encode("entities"),
        ChannelDataName = JsonEncodedText.Encode("channelData"), ValueName = JsonEncodedText.Encode("value"),
        AadObjectIdName = JsonEncodedText.Encode("aadObjectId"), RoleName = JsonEncodedText.Encode("role"),
        ConversationTypeName = JsonEncodedText.Encode("conversationType"), IsGroupName = JsonEncodedText.Encode("isGroup"),
        TenantIdName = JsonEncodedText.Encode("tenantId"), ContentTypeName = JsonEncodedText.Encode("contentType"),
        ContentUrlName = JsonEncodedText.Encode("contentUrl"), ContentName = JsonEncodedText.Encode("content");

    /// <summary>The activity as UTF-8 JSON, in a new array of its exact length.</summary>
    public static byte[] ToUtf8Bytes(Activity activity)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        try
        {
            Write(writer, activity);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity > KeptBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
            else
            {
                buffer.ResetWrittenCount();
            }
        }
    }

    public static void Write(Utf8JsonWriter writer, Activity activity)
    {
        writer.WriteStartObject();
        String(writer, TypeName, activity.Type);
        String(writer, IdName, activity.Id);
        String(writer, NameName, activity.Name);
        if (activity.Timestamp is { } timestamp)
        {
            writer.WriteString(TimestampName, timestamp);
        }
        if (activity.LocalTimestamp is { } localTimestamp)
        {
            writer.WriteString(LocalTimestampName, localTimestamp);
        }
        String(writer, LocalTimezoneName, activity.LocalTimezone);
        String(writer, ServiceUrlName, activity.ServiceUrl);
        String(writer, ChannelIdName, activity.ChannelId);
        Account(writer, FromName, activity.From);
        Conversation(writer, activity.Conversation);
        Account(writer, RecipientName, activity.Recipient);
        String(writer, TextFormatName, activity.TextFormat);
        String(writer, AttachmentLayoutName, activity.AttachmentLayout);
        String(writer, TextName, activity.Text, activity.EncodedText);
        String(writer, SummaryName, activity.Summary, activity.EncodedSummary);
        String(writer, LocaleName, activity.Locale);
        String(writer, ReplyToIdName, activity.ReplyToId);
        String(writer, ActionName, activity.Action);
        Serialized(writer, MembersAddedName, activity.MembersAdded, ProtocolJson.Wire.ListChannelAccount);
        Serialized(writer, MembersRemovedName, activity.MembersRemoved, ProtocolJson.Wire.ListChannelAccount);
        Attachments(writer, activity.Attachments);
        Serialized(writer, EntitiesName, activity.Entities, ProtocolJson.Wire.ListJsonElement);
        Element(writer, ChannelDataName, activity.ChannelData);
        Element(writer, ValueName, activity.Value);
        Extra(writer, activity.Extra);
        writer.WriteEndObject();
    }

    /// <summary>A rare part, written by the generated serializer into the same writer.</summary>
    private static void Serialized<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonTypeInfo<T> type)
        where T : class
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, type);
        }
    }

    private static void Element(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value is { } element)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, element, ProtocolJson.Wire.JsonElement);
        }
    }

    private static void String(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void String(Utf8JsonWriter writer, JsonEncodedText name, string? value, EncodedText? encoded)
    {
        if (value is null)
        {
            return;
        }
        if (EncodedText.Matches(encoded, value))
        {
            writer.WriteString(name, encoded!.Json);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void Account(Utf8JsonWriter writer, JsonEncodedText name, ChannelAccount? account)
    {
        if (account is null)
        {
            return;
        }
        writer.WritePropertyName(name);
        writer.WriteStartObject();
        String(writer, IdName, account.Id);
        String(writer, NameName, account.Name);
        String(writer, AadObjectIdName, account.AadObjectId);
        String(writer, RoleName, account.Role);
        Extra(writer, account.Extra);
        writer.WriteEndObject();
    }

    private static void Conversation(Utf8JsonWriter writer, ConversationAccount? conversation)
    {
        if (conversation is null)
        {
            return;
        }
        writer.WritePropertyName(ConversationName);
        writer.WriteStartObject();
        String(writer, IdName, conversation.Id);
        String(writer, NameName, conversation.Name);
        String(writer, ConversationTypeName, conversation.ConversationType);
        if (conversation.IsGroup is { } isGroup)
        {
            writer.WriteBoolean(IsGroupName, isGroup);
        }
        String(writer, TenantIdName, conversation.TenantId);
        Extra(writer, conversation.Extra);
        writer.WriteEndObject();
    }

    private static void Attachments(Utf8JsonWriter writer, List<Attachment>? attachments)
    {
        if (attachments is null)
        {
            return;
        }
        writer.WritePropertyName(AttachmentsName);
        writer.WriteStartArray();
        foreach (var attachment in attachments)
        {
            if (attachment is null)
            {
                writer.WriteNullValue();
                continue;
            }
            writer.WriteStartObject();
            String(writer, ContentTypeName, attachment.ContentType);
            String(writer, ContentUrlName, attachment.ContentUrl);
            if (attachment.Content is { } content)
            {
                writer.WritePropertyName(ContentName);
                writer.WriteRawValue(content.Utf8.Span, skipInputValidation: true);
            }
            String(writer, NameName, attachment.Name);
            Extra(writer, attachment.Extra);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>Extension data: each entry as a property of the enclosing object, after the modelled ones.</summary>
    private static void Extra(Utf8JsonWriter writer, Dictionary<string, JsonElement>? extra)
    {
        if (extra is null)
        {
            return;
        }
        foreach (var (name, value) in extra)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, ProtocolJson.Wire.JsonElement);
        }
    }
}
