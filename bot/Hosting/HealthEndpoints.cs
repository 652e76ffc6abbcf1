using System.Text.Json.Nodes;

namespace GiBot.Hosting;

/// <summary><c>/healthz</c>: the process serves. <c>/readyz</c>: every dependency answers.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok", "text/plain"));
        endpoints.MapGet("/readyz", async (HttpContext context) =>
        {
            var checks = context.RequestServices.GetServices<IReadinessCheck>();
            var report = new JsonObject();
            var ready = true;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            foreach (var check in checks)
            {
                string? problem;
                try
                {
                    problem = await check.CheckAsync(timeout.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
                {
                    problem = e.GetType().Name;
                }
                report[check.Name] = problem ?? "ok";
                ready &= problem is null;
            }
            context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(new JsonObject { ["ready"] = ready, ["checks"] = report }.ToJsonString(), context.RequestAborted);
        });
    }
}
