using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GiBot.Protocol.Schema;

namespace GiBot.Tests.Protocol;

/// <summary>
/// <see cref="ActivityReader"/> and <see cref="ActivityWriter"/> name the activity's fields by hand. Every public property of
/// the wire types is filled here by reflection, so a field added to the schema but not to them fails this test instead of
/// being silently dropped from replies or left in <c>Extra</c> when read.
/// </summary>
public sealed class WireSchemaDriftTests
{
    [Fact]
    public void Every_property_of_the_wire_types_is_written_as_the_serializer_writes_it()
    {
        var activity = (Activity)Filled(typeof(Activity));

        var expected = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Wire.Activity);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(ActivityWriter.ToUtf8Bytes(activity)));
    }

    [Fact]
    public void Every_property_of_the_wire_types_is_read_into_its_field_not_into_Extra()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes((Activity)Filled(typeof(Activity)), ProtocolJson.Wire.Activity);

        var json = new Utf8JsonReader(body);
        var read = ActivityReader.Read(ref json);

        Assert.NotNull(read);
        Assert.Null(read.Extra);
        Assert.Equal(Encoding.UTF8.GetString(body), Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(read, ProtocolJson.Wire.Activity)));
    }

    private static object Filled(Type type)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.IsDefined(typeof(JsonExtensionDataAttribute)) || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }
            property.SetValue(instance, Sample(property.PropertyType, $"{type.Name}.{property.Name}"));
        }
        return instance;
    }

    private static object Sample(Type type, string label)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return label + " 值 \"q\"";
        }
        if (underlying == typeof(bool))
        {
            return true;
        }
        if (underlying == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 11, 30, 6, 30, 0, TimeSpan.FromHours(8));
        }
        if (underlying == typeof(JsonElement))
        {
            return Element(label);
        }
        if (underlying == typeof(RawJson))
        {
            return RawJson.From(Element(label));
        }
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (System.Collections.IList)Activator.CreateInstance(underlying)!;
            list.Add(Sample(underlying.GetGenericArguments()[0], label + "[0]"));
            return list;
        }
        if (underlying.Namespace == typeof(Activity).Namespace && underlying.IsClass)
        {
            return Filled(underlying);
        }
        throw new InvalidOperationException($"{label} has a type this test does not fill ({type}): teach it, and check ActivityReader and ActivityWriter handle the field.");
    }

    private static JsonElement Element(string label)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["of"] = label }));
        return document.RootElement.Clone();
    }
}
