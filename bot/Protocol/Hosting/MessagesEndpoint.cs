using System.Text.Json;
using GiBot.Protocol.Auth;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Protocol.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: authenticate (middleware), read and check the activity, bind the token
/// to it, drop repeats, route. Invokes get their handler's response; everything else gets 200,
/// at the latest after <see cref="AcknowledgeBudget"/> while a slow turn finishes in the background.
/// </summary>
public static partial class MessagesEndpoint
{
    public const string Path = "/api/messages";

    /// <summary>Teams gives a bot 15 s to acknowledge; answer well inside that.</summary>
    public static readonly TimeSpan AcknowledgeBudget = TimeSpan.FromSeconds(8);

    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync).RequireAuthorization(BotAuthenticationDefaults.Policy);

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("GiBot.Messages");
        var read = await ActivityBodyReader.ReadAsync(context.Request, context.RequestAborted);
        if (!read.Ok)
        {
            LogRejected(logger, read.Status, read.ErrorMessage);
            await WriteErrorAsync(context, read.Status, read.ErrorCode!, read.ErrorMessage!);
            return;
        }
        var activity = read.Activity!;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ConversationId"] = activity.Conversation?.Id,
            ["ActivityType"] = activity.Type,
        });

        var bindingFailure = ChannelBinding.Check(context.User, activity);
        if (bindingFailure is not null)
        {
            LogUnauthorized(logger, bindingFailure);
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "The request is not authorized for this activity.");
            return;
        }
        if (!ChannelBinding.IsLocalMode(context.User))
        {
            services.GetRequiredService<ServiceUrlPolicy>().Trust(activity.ServiceUrl!);
        }

        if (!string.IsNullOrEmpty(activity.Id)
            && !await services.GetRequiredService<IActivityDeduplicator>().TryBeginAsync(activity.Conversation!.Id!, activity.Id, context.RequestAborted))
        {
            LogDuplicate(logger);
            await WriteRepeatAsync(context, activity);
            return;
        }

        var router = services.GetRequiredService<ActivityRouter>();
        var referenceId = context.TraceIdentifier;
        // The turn must not die with the HTTP request: Teams may hang up once it has its 200.
        var stopping = services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping;
        var turn = Task.Run(() => router.RouteAsync(activity, referenceId, stopping), CancellationToken.None);

        if (activity.IsType(ActivityTypes.Invoke))
        {
            var response = await turn ?? InvokeResponse.NotImplemented;
            context.Response.StatusCode = response.Status;
            if (response.Body is { } body)
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(context.Response.Body, body, ProtocolJson.Wire.JsonElement, context.RequestAborted);
            }
            return;
        }

        // The timer is cancelled as soon as the turn ends, so a fast turn leaves no 8 s timer behind.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var finished = await Task.WhenAny(turn, Task.Delay(AcknowledgeBudget, budget.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        await budget.CancelAsync();
        if (finished != turn)
        {
            LogSlowTurn(logger, AcknowledgeBudget.TotalSeconds);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static async Task WriteRepeatAsync(HttpContext context, Activity activity)
    {
        // A repeated invoke still needs a well-formed answer; it is not processed again.
        if (activity.IsType(ActivityTypes.Invoke))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            var body = CardInvokeResponses.Message("").Body!.Value;
            await JsonSerializer.SerializeAsync(context.Response.Body, body, ProtocolJson.Wire.JsonElement, context.RequestAborted);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    internal static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, ErrorBody.Of(code, message), ProtocolJson.Default.ErrorBody, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to /api/messages with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an authenticated request: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a repeated delivery of the same activity")]
    private static partial void LogDuplicate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn still running after {Seconds} s; acknowledged and left to finish in the background")]
    private static partial void LogSlowTurn(ILogger logger, double seconds);
}
