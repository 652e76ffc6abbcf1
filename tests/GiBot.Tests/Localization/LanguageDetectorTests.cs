using GiBot.Localization;

namespace GiBot.Tests.Localization;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("who is responsible for measure 8", null, Language.English)]
    [InlineData("help", "zh-CN", Language.English)]
    [InlineData("第八项措施谁负责", "en-US", Language.Chinese)]
    [InlineData("measure 8 谁负责", "en-US", Language.Chinese)]
    [InlineData("（八）", "en-US", Language.Chinese)]
    [InlineData("8", "en-US", Language.English)]
    [InlineData("8", "zh-CN", Language.Chinese)]
    [InlineData("8", null, Language.Chinese)]
    [InlineData("", null, Language.Chinese)]
    [InlineData("⑧", "en-US", Language.Chinese)]
    [InlineData("who owns measure ８", "zh-CN", Language.English)]
    [InlineData("第８项措施谁负责", "en-US", Language.Chinese)]
    public void Answers_in_the_language_the_user_wrote(string text, string? locale, Language expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text, locale));
}
