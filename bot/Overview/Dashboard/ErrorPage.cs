
namespace GiBot.Overview.Dashboard;

/// <summary>The polite page for a link that is expired, forged or no longer the user's to open: zh-CN first, English below.</summary>
public static class ErrorPage
{
    public static string Render(string titleChinese, string chinese, string english) =>
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex\"><title>" + Encode(titleChinese) + " · GiBot</title>"
        + "<style>body{font-family:\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;background:#f5f5f5;color:#222;margin:0}"
        + "main{max-width:560px;margin:48px auto;background:#fff;border-radius:8px;padding:24px;border-top:4px solid #a4161a}h1{font-size:1.3rem;margin-top:0}p{line-height:1.7}.en{color:#555}</style>"
        + "</head><body><main><h1>" + Encode(titleChinese) + "</h1><p>" + Encode(chinese) + "</p><p class=\"en\" lang=\"en\">" + Encode(english) + "</p></main></body></html>";

    private static string Encode(string text) => Html.Encode(text);
}
