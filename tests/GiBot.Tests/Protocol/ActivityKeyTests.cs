using GiBot.Protocol.Turns;

namespace GiBot.Tests.Protocol;

/// <summary>The memory of seen activities keys each by a hash of the pair: equal pairs must meet, different ones must not.</summary>
public sealed class ActivityKeyTests
{
    [Fact]
    public void The_same_pair_gives_the_same_key()
    {
        Assert.Equal(ActivityKey.Of("a:chat", "m-1"), ActivityKey.Of(new string("a:chat".AsSpan()), new string("m-1".AsSpan())));
    }

    [Theory]
    [InlineData("ab", "c", "a", "bc")]
    [InlineData("", "abc", "abc", "")]
    [InlineData("a:chat", "m-1", "a:chat", "m-2")]
    [InlineData("a:chat", "m-1", "a:chaT", "m-1")]
    [InlineData("19:x@thread.tacv2", "1", "19:x@thread.tacv2;messageid=1", "")]
    public void Different_pairs_give_different_keys(string conversation, string activity, string otherConversation, string otherActivity)
    {
        Assert.NotEqual(ActivityKey.Of(conversation, activity), ActivityKey.Of(otherConversation, otherActivity));
    }

    [Fact]
    public void Ids_longer_than_the_stack_buffer_are_hashed_whole()
    {
        var conversation = "a:" + new string('x', 2000);
        var activity = new string('m', 3000);

        Assert.Equal(ActivityKey.Of(conversation, activity), ActivityKey.Of(conversation, new string(activity.AsSpan())));
        Assert.NotEqual(ActivityKey.Of(conversation, activity), ActivityKey.Of(conversation, activity[..^1] + "n"));
        Assert.NotEqual(ActivityKey.Of(conversation, activity), ActivityKey.Of(conversation + "m", activity[1..]));
    }

    [Fact]
    public void Many_distinct_pairs_never_share_a_key()
    {
        var keys = new HashSet<ActivityKey>();
        for (var conversation = 0; conversation < 200; conversation++)
        {
            for (var activity = 0; activity < 500; activity++)
            {
                Assert.True(keys.Add(ActivityKey.Of($"a:{conversation}", $"{activity}")));
            }
        }
    }

    [Fact]
    public async Task The_memory_drops_a_repeat_given_as_new_strings_and_lets_other_ids_through()
    {
        var memory = new MemoryActivityDeduplicator(TimeProvider.System);

        Assert.True(await memory.TryBeginAsync("a:chat", "m-1", CancellationToken.None));
        Assert.False(await memory.TryBeginAsync(new string("a:chat".AsSpan()), new string("m-1".AsSpan()), CancellationToken.None));
        Assert.True(await memory.TryBeginAsync("a:chat", "m-2", CancellationToken.None));
        Assert.True(await memory.TryBeginAsync("a:cha", "tm-1", CancellationToken.None));
    }
}
