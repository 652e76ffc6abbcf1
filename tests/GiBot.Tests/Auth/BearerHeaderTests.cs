using GiBot.Protocol.Auth;
using Microsoft.Extensions.Primitives;

namespace GiBot.Tests.Auth;

/// <summary>The header is read in place (no copy of the token), by the same rule as before: split on spaces into exactly "Bearer" and a token.</summary>
public sealed class BearerHeaderTests
{
    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("Bearer x", "x")]
    [InlineData("Bearer ", null)]
    [InlineData("Bearer  abc", null)]
    [InlineData("Bearer abc ", null)]
    [InlineData("Bearer abc def", null)]
    [InlineData("bearer abc", null)]
    [InlineData("BEARER abc", null)]
    [InlineData("Basic abc", null)]
    [InlineData(" Bearer abc", null)]
    [InlineData("Bearerabc", null)]
    [InlineData("Bearer", null)]
    [InlineData("Bearer\tabc", null)]
    [InlineData("Bearer abc\tdef", "abc\tdef")]
    [InlineData("", null)]
    public void Reads_exactly_what_splitting_on_spaces_accepted(string header, string? expected)
    {
        var ok = BearerHeader.TryRead(new StringValues(header), out var token, out var problem);
        Assert.Equal(expected, ok ? token.ToString() : null);
        Assert.Equal(ok, problem is null);
        Assert.Equal(SplitRule(header), ok ? token.ToString() : null);
    }

    [Fact]
    public void No_header_and_two_headers_are_refused_with_their_reason()
    {
        Assert.False(BearerHeader.TryRead(StringValues.Empty, out _, out var none));
        Assert.Equal("no Authorization header", none);
        Assert.False(BearerHeader.TryRead(new StringValues(["Bearer a", "Bearer b"]), out _, out var two));
        Assert.Equal("more than one Authorization header", two);
    }

    [Fact]
    public void A_cached_token_is_found_by_the_header_slice()
    {
        var cache = new ValidatedTokenCache(TimeProvider.System);
        var entry = new ValidatedTokenCache.Entry(ChannelIdentity.LocalMode, "kid", new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]),
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10));
        cache.Add("abc.def.ghi", entry);
        Assert.True(BearerHeader.TryRead(new StringValues("Bearer abc.def.ghi"), out var token, out _));
        Assert.True(cache.TryGet(token, out var found));
        Assert.Same(entry, found);
        Assert.True(BearerHeader.TryRead(new StringValues("Bearer abc.def.gh"), out var other, out _));
        Assert.False(cache.TryGet(other, out _));
    }

    /// <summary>The rule as it was written before (protocol.md 1.2 step 1).</summary>
    private static string? SplitRule(string header)
    {
        var parts = header.Split(' ');
        return parts.Length != 2 || parts[0] != "Bearer" || parts[1].Length == 0 ? null : parts[1];
    }
}
