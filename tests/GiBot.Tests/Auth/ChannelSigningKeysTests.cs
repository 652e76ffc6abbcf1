using GiBot.Protocol.Auth;

namespace GiBot.Tests.Auth;

public sealed class ChannelSigningKeysTests
{
    [Fact]
    public void Only_rsa_keys_with_a_kid_are_kept_with_their_endorsements()
    {
        const string json = """
        {"keys":[
          {"kty":"RSA","use":"sig","kid":"k1","n":"sXch","e":"AQAB","endorsements":["msteams","skype",7,""]},
          {"kty":"RSA","use":"sig","kid":"k2","n":"sXch","e":"AQAB"},
          {"kty":"oct","kid":"symmetric","k":"c2VjcmV0"},
          {"kty":"RSA","n":"sXch","e":"AQAB"}
        ]}
        """;

        var keys = ChannelSigningKeys.Parse(json, DateTimeOffset.UnixEpoch);

        Assert.Equal(2, keys.Count);
        Assert.True(keys.TryGet("k1", out var k1));
        Assert.Equal(new HashSet<string> { "msteams", "skype" }, k1.Endorsements);
        Assert.True(keys.TryGet("k2", out var k2));
        Assert.Empty(k2.Endorsements);
        Assert.False(keys.TryGet("symmetric", out _));
    }

    [Fact]
    public void A_document_without_keys_is_refused() =>
        Assert.Throws<FormatException>(() => ChannelSigningKeys.Parse("""{"issuer":"x"}""", DateTimeOffset.UnixEpoch));
}
