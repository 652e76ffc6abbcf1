using GiBot.Conversation;

namespace GiBot.Tests.Conversation;

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("帮助", SmallTalkKind.Help)]
    [InlineData("help", SmallTalkKind.Help)]
    [InlineData("？", SmallTalkKind.Help)]
    [InlineData("", SmallTalkKind.Help)]
    [InlineData("🙂", SmallTalkKind.Help)]
    [InlineData("你好", SmallTalkKind.Greeting)]
    [InlineData("您好！", SmallTalkKind.Greeting)]
    [InlineData("Hello", SmallTalkKind.Greeting)]
    [InlineData("hi GiBot", SmallTalkKind.Greeting)]
    [InlineData("谢谢", SmallTalkKind.Thanks)]
    [InlineData("非常感谢！", SmallTalkKind.Thanks)]
    [InlineData("Thanks!", SmallTalkKind.Thanks)]
    [InlineData("再见", SmallTalkKind.Farewell)]
    [InlineData("bye", SmallTalkKind.Farewell)]
    [InlineData("收到", SmallTalkKind.Acknowledgement)]
    [InlineData("好的。", SmallTalkKind.Acknowledgement)]
    [InlineData("OK!", SmallTalkKind.Acknowledgement)]
    [InlineData("Got it.", SmallTalkKind.Acknowledgement)]
    [InlineData("👍", SmallTalkKind.Acknowledgement)]
    [InlineData("👍🏽!", SmallTalkKind.Acknowledgement)]
    [InlineData("已阅", SmallTalkKind.NotUnderstood)]
    [InlineData("好的，第8项谁负责", SmallTalkKind.NotUnderstood)]
    [InlineData("天气怎么样", SmallTalkKind.NotUnderstood)]
    [InlineData("asdfghjkl", SmallTalkKind.NotUnderstood)]
    [InlineData("你好，第八项措施谁负责", SmallTalkKind.NotUnderstood)]
    public void Short_phrases_said_on_their_own_are_recognised(string text, SmallTalkKind expected) =>
        Assert.Equal(expected, SmallTalk.Classify(text));
}
