using GiBot.Protocol.Hosting;

namespace GiBot.Tests.Protocol;

/// <summary>The content types the channel sends are recognised without parsing the header; every other one still by parsing it.</summary>
public sealed class JsonContentTypeTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("Application/JSON; Charset=UTF-8", true)]
    [InlineData("application/json;charset=utf-8", true)]
    [InlineData("application/json ; charset=\"utf-8\"", true)]
    [InlineData("application/activity+json", true)]
    [InlineData("application/jsonx", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/xml", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Json_media_types_are_accepted(string? contentType, bool expected)
    {
        Assert.Equal(expected, ActivityBodyReader.IsJson(contentType));
        Assert.Equal(expected, contentType is not null
            && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
            && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true));
    }
}
