using System.Text;
using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Overview.Dashboard;
using GiBot.Overview.Export;
using GiBot.Overview.Links;
using GiBot.Storage;
using GiBot.Updates;

namespace GiBot.Overview;

/// <summary>
/// The pages behind the signed links: <c>/dashboard</c> and the 督办台账 downloads. A link must be signed for this
/// path, unexpired, and its user must still be a head or admin; otherwise a polite 403 page in zh-CN and English.
/// </summary>
public static class OverviewEndpoints
{
    public static IEndpointRouteBuilder MapGiBotOverview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignedLinks.DashboardPath, DashboardAsync).AllowAnonymous();
        endpoints.MapGet(SignedLinks.LedgerXlsxPath, context => LedgerAsync(context, SignedLinks.LedgerXlsxPath, xlsx: true)).AllowAnonymous();
        endpoints.MapGet(SignedLinks.LedgerCsvPath, context => LedgerAsync(context, SignedLinks.LedgerCsvPath, xlsx: false)).AllowAnonymous();
        return endpoints;
    }

    private static async Task DashboardAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context, SignedLinks.DashboardPath))
        {
            return;
        }
        var services = context.RequestServices;
        var snapshot = await services.GetRequiredService<OverviewBuilder>().BuildAsync(null, context.RequestAborted);
        var language = LanguageExtensions.ParseTag(Single(context.Request.Query, SignedLinks.LanguageParameter));
        var html = DashboardPage.Render(snapshot, services.GetRequiredService<UpdateOptions>().UtcOffset, language);
        await WriteAsync(context, StatusCodes.Status200OK, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));
    }

    private static async Task LedgerAsync(HttpContext context, string path, bool xlsx)
    {
        if (!await AuthorizeAsync(context, path))
        {
            return;
        }
        var services = context.RequestServices;
        var snapshot = await services.GetRequiredService<OverviewBuilder>().BuildAsync(null, context.RequestAborted);
        var current = await services.GetRequiredService<IProgressUpdateStore>().ListCurrentAsync(new UpdateQuery(), context.RequestAborted);
        var rows = LedgerBuilder.Build(services.GetRequiredService<MeasureRegistry>(), current, snapshot, services.GetRequiredService<UpdateOptions>().UtcOffset);
        var name = $"督办台账-{string.Join("_", snapshot.Periods)}.{(xlsx ? "xlsx" : "csv")}";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"ledger.{(xlsx ? "xlsx" : "csv")}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
        await WriteAsync(context, StatusCodes.Status200OK,
            xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            xlsx ? await LedgerXlsx.WriteAsync(rows, context.RequestAborted) : LedgerCsv.Write(rows));
    }

    /// <summary>
    /// Checks the signature, the expiry and that the user may still see the overview; writes the 403 page when not.
    /// The signature is checked against the endpoint's own path (<paramref name="signedPath"/>), never the request's
    /// spelling of it (routing also matches /Dashboard and /dashboard/). A parameter given twice invalidates the link.
    /// </summary>
    private static async Task<bool> AuthorizeAsync(HttpContext context, string signedPath)
    {
        var services = context.RequestServices;
        var query = context.Request.Query;
        var user = Single(query, LinkSigner.UserParameter);
        var check = await services.GetRequiredService<LinkSigner>().CheckAsync(signedPath, user,
            Single(query, LinkSigner.ExpiresParameter), Single(query, LinkSigner.SignatureParameter), context.RequestAborted);
        string? page = check switch
        {
            LinkCheck.Expired => ErrorPage.Render("链接已过期",
                "为保护数据安全，此链接只在短时间内有效，现已过期。请在 Teams 中向 GiBot 重新发送「看板」或「导出台账」获取新链接。",
                "This link was valid for a short time only and has expired. In Teams, send \"dashboard\" or \"export\" to GiBot for a new link."),
            LinkCheck.Invalid => ErrorPage.Render("链接无效",
                "此链接无效或不完整，可能被改动过。请在 Teams 中向 GiBot 发送「看板」或「导出台账」获取新链接，并完整打开。",
                "This link is not valid or incomplete; it may have been altered. In Teams, send \"dashboard\" or \"export\" to GiBot for a new link and open it in full."),
            _ => null,
        };
        if (page is null)
        {
            var decision = await services.GetRequiredService<OverviewAccess>().CheckAsync(user, context.RequestAborted);
            if (decision.Allowed)
            {
                return true;
            }
            page = ErrorPage.Render("无权查看", decision.ReasonChinese!, decision.ReasonEnglish!);
        }
        await WriteAsync(context, StatusCodes.Status403Forbidden, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(page));
        return false;
    }

    private static string? Single(IQueryCollection query, string name) => query[name] is [var only] ? only : null;

    private static async Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        // The signed URL is a bearer credential: keep it out of caches, referrers and search engines; the pages run no script.
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
