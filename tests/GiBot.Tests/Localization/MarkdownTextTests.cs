using System.Net;
using System.Text;
using GiBot.Localization;
using Markdig;

namespace GiBot.Tests.Localization;

/// <summary>
/// Text put into Markdown through <see cref="MarkdownText.Literal"/> renders as typed. Markdig (CommonMark, plus
/// ~~strikethrough~~) stands in for Teams: after escaping, its HTML holds only paragraphs and the text itself.
/// </summary>
public sealed class MarkdownTextTests
{
    private static readonly MarkdownPipeline Teams = new MarkdownPipelineBuilder().UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).Build();

    [Theory]
    [InlineData("**x** [link](http://a)")]
    [InlineData("_斜体_ 与 *星号* 和 __粗体__")]
    [InlineData("# 标题")]
    [InlineData("###### 六级")]
    [InlineData("> 引用")]
    [InlineData("- 项目\n+ 项目\n* 项目")]
    [InlineData("1. 第一项\n2. 第二项\n10) 第十项")]
    [InlineData("标题\n===")]
    [InlineData("标题\n---")]
    [InlineData("- - -")]
    [InlineData("`代码` 与 ```围栏```")]
    [InlineData("```\ncode\n```")]
    [InlineData("~~删除~~")]
    [InlineData("<at>张三</at>")]
    [InlineData("<b>粗体</b><!-- 注释 -->")]
    [InlineData("<https://example.com> <a@example.com>")]
    [InlineData("&lt;tag&gt; &#42; &amp;")]
    [InlineData("[a]: http://evil.example\n[a]")]
    [InlineData("![图](http://a/b.png)")]
    [InlineData("a\\*b\\")]
    [InlineData("行尾反斜杠\\\n下一行")]
    [InlineData("  - 缩进的项目\r\n  1. 缩进的编号")]
    public void Markup_typed_by_a_user_renders_as_typed(string typed)
    {
        var html = Render(MarkdownText.Literal(typed));
        Assert.DoesNotContain("<", StripParagraphs(html));
        Assert.Equal(WithoutWhitespace(typed), WithoutWhitespace(WebUtility.HtmlDecode(StripParagraphs(html))));
    }

    [Fact]
    public void A_relayed_update_keeps_bold_and_link_literal() =>
        Assert.Equal(@"\*\*x\*\* [link]\(http://a)", MarkdownText.Literal("**x** [link](http://a)"));

    [Theory]
    [InlineData("《关于进一步加强地理标志保护的实施意见》（试行）＊【重点】：完成率60%。")]
    [InlineData("zhang_san 与 文件_v2")]
    [InlineData(@"C:\temp\new")]
    [InlineData("[2026]15号")]
    [InlineData("2026年1~3月")]
    [InlineData("完成 60% (三项) - 已上报 + 已核查 = 完毕")]
    [InlineData("-5% 与 1.5 倍，第3.项")]
    [InlineData("#1号文件")]
    [InlineData("AT&T a < b 3 > 2")]
    [InlineData("https://example.gov.cn/a_b/c?d=1&e=2")]
    [InlineData("😀 𠀋 emoji and rare CJK")]
    public void Ordinary_text_gets_no_backslash(string typed) => Assert.Equal(typed, MarkdownText.Literal(typed));

    [Fact]
    public void Only_ascii_characters_get_a_backslash_so_surrogate_pairs_stay_whole()
    {
        var escaped = MarkdownText.Literal("😀*𠀋_😀\n1. 𠀋");
        Assert.Equal("😀\\*𠀋\\_😀\n1\\. 𠀋", escaped);
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(escaped);
    }

    [Fact]
    public void Escaped_text_is_at_most_twice_as_long() =>
        Assert.Equal(2000, MarkdownText.Literal(new string('*', 1000)).Length);

    [Theory]
    [InlineData("**x** [link](http://a) 与 1. 项", 200)]
    [InlineData("😀*😀*😀", 5)]
    [InlineData("a\\*b 与 C:\\temp", 200)]
    public void The_plain_preview_of_escaped_text_is_the_start_of_what_was_typed(string typed, int max)
    {
        var plain = MarkdownText.Plain(MarkdownText.Literal(typed), max);
        Assert.Equal(GiBot.Localization.TextCut.Prefix(typed, max), plain);
    }

    [Fact]
    public void Random_mixes_of_markup_render_as_typed()
    {
        const string alphabet = "*_`\\~[]()<>&#;-+=.!:/|x1 中文，。＊【】😀\n";
        var random = new Random(20261201);
        for (var n = 0; n < 3000; n++)
        {
            var typed = new StringBuilder();
            for (var length = random.Next(1, 30); typed.Length < length;)
            {
                var c = alphabet[random.Next(alphabet.Length)];
                // Indentation (four spaces: a code block) is left as it is; so are emoji halves, which are never typed.
                if (c == ' ' && typed.Length > 0 && typed[^1] == ' ')
                {
                    continue;
                }
                if (char.IsSurrogate(c))
                {
                    typed.Append("😀");
                    continue;
                }
                typed.Append(c);
            }
            var text = typed.ToString();
            var html = Render(MarkdownText.Literal(text));
            Assert.True(!StripParagraphs(html).Contains('<', StringComparison.Ordinal), $"{text} → {html}");
            Assert.True(WithoutWhitespace(text) == WithoutWhitespace(WebUtility.HtmlDecode(StripParagraphs(html))), $"{text} → {html}");
        }
    }

    private static string Render(string markdown) => Markdown.ToHtml(markdown, Teams);

    private static string StripParagraphs(string html) =>
        html.Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal).Replace("<br />", "", StringComparison.Ordinal);

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
