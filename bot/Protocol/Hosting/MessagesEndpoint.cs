using System.Text.Json;
using GiBot.Protocol.Auth;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Protocol.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: authenticate (<see cref="IChannelAuthenticator"/>), read and check the activity, bind the token
/// to it, drop repeats, route. Invokes get their handler's response; everything else gets 200,
/// at the latest after <see cref="AcknowledgeBudget"/> while a slow turn finishes in the background.
/// </summary>
public static partial class MessagesEndpoint
{
    public const string Path = "/api/messages";

    /// <summary>Teams gives a bot 15 s to acknowledge; answer well inside that.</summary>
    public static readonly TimeSpan AcknowledgeBudget = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Every request is authenticated here, before its body is read (<see cref="IChannelAuthenticator"/>), not by
    /// the authentication middleware: the same checks without a principal and a policy evaluation per activity.
    /// </summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync);

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var authentication = await services.GetRequiredService<IChannelAuthenticator>().AuthenticateAsync(context.Request);
        if (authentication.Identity is not { } identity)
        {
            LogUnauthenticated(services.GetRequiredService<ILoggerFactory>().CreateLogger("GiBot.Auth"), context.Request.Path, authentication.Rejection ?? "not authenticated");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("GiBot.Messages");
        var read = await ActivityBodyReader.ReadAsync(context.Request, context.RequestAborted);
        if (!read.Ok)
        {
            LogRejected(logger, read.Status, read.ErrorMessage);
            await WriteErrorAsync(context, read.Status, read.ErrorCode!, read.ErrorMessage!);
            return;
        }
        var activity = read.Activity!;
        using var scope = logger.BeginScope(new ActivityLogScope(activity));

        var bindingFailure = ChannelBinding.Check(identity, activity);
        if (bindingFailure is not null)
        {
            LogUnauthorized(logger, bindingFailure);
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "The request is not authorized for this activity.");
            return;
        }
        if (!identity.IsLocalMode)
        {
            services.GetRequiredService<ServiceUrlPolicy>().Trust(activity.ServiceUrl!);
        }

        // Admitted before the repeat check: a refused request leaves no trace, so its retry counts as new.
        var admission = services.GetRequiredService<TurnAdmission>();
        var slot = await admission.TryEnterAsync(context.RequestAborted);
        if (slot is null)
        {
            if (admission.CountRefusal() is > 0 and var refused)
            {
                LogBusy(logger, refused);
            }
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(admission.Options.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The bot is busy; retry after the time in Retry-After.");
            return;
        }
        var deduplicator = services.GetRequiredService<IActivityDeduplicator>();
        bool first;
        try
        {
            first = string.IsNullOrEmpty(activity.Id)
                || await deduplicator.TryBeginAsync(activity.Conversation!.Id!, activity.Id, activity.Timestamp, context.RequestAborted);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
        if (!first)
        {
            slot.Dispose();
            LogDuplicate(logger);
            await WriteRepeatAsync(context, activity);
            return;
        }

        var router = services.GetRequiredService<ActivityRouter>();
        var referenceId = context.TraceIdentifier;
        // The turn must not die with the HTTP request (Teams may hang up once it has its 200), so it gets
        // the application's token, not the request's. No Task.Run hop: it runs inline up to its first await.
        var stopping = services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping;
        var turn = RunAsync(router, deduplicator, activity, referenceId, slot, logger, stopping);

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

        // WaitAsync cancels its timer as soon as the turn ends, so a fast turn leaves no 8 s timer behind;
        // SuppressThrowing: a timeout or a failed turn (already logged by the router) costs no exception here.
        if (!turn.IsCompleted)
        {
            await ((Task)turn).WaitAsync(AcknowledgeBudget, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        if (!turn.IsCompleted && !context.RequestAborted.IsCancellationRequested)
        {
            LogSlowTurn(logger, AcknowledgeBudget.TotalSeconds);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// The turn keeps its admission slot until it ends and its id is recorded, also when that outlives the HTTP
    /// answer. Its id is recorded as handled only once it ran to its end (a turn stopped by shutdown is left for
    /// the retry). The returned task ends with the turn's own work, not with the record: the channel only retries
    /// what got no 200, so a crash between the answer and the record loses nothing the channel would resend,
    /// and a repeat arriving meanwhile is still dropped by the deduplicator, which holds the id until recorded.
    /// </summary>
    private static async Task<InvokeResponse?> RunAsync(ActivityRouter router, IActivityDeduplicator deduplicator, Activity activity, string referenceId, IDisposable slot, ILogger logger, CancellationToken stopping)
    {
        var id = activity.Id;
        InvokeResponse? response;
        try
        {
            response = await router.RouteAsync(activity, referenceId, stopping);
        }
        catch
        {
            if (!string.IsNullOrEmpty(id))
            {
                deduplicator.Abandon(activity.Conversation!.Id!, id);
            }
            slot.Dispose();
            throw;
        }
        if (string.IsNullOrEmpty(id))
        {
            slot.Dispose();
            return response;
        }
        ValueTask recording;
        try
        {
            recording = deduplicator.CompleteAsync(activity.Conversation!.Id!, id, activity.Timestamp, stopping);
        }
        catch (Exception e)
        {
            slot.Dispose();
            LogNotRecorded(logger, e, activity.Conversation!.Id!, id);
            return response;
        }
        if (recording.IsCompletedSuccessfully)
        {
            recording.GetAwaiter().GetResult(); // a ValueTask is consumed once, also when it finished at once
            slot.Dispose();
        }
        else
        {
            _ = ReleaseWhenRecordedAsync(recording, slot, logger, activity.Conversation!.Id!, id);
        }
        return response;
    }

    private static async Task ReleaseWhenRecordedAsync(ValueTask recording, IDisposable slot, ILogger logger, string conversationId, string activityId)
    {
        try
        {
            await recording.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the store's writer still finishes what it was handed.
        }
        catch (Exception e)
        {
            // The request's log scope is gone by now: the ids go into the message.
            LogNotRecorded(logger, e, conversationId, activityId);
        }
        finally
        {
            slot.Dispose();
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to {Path}: {Reason}")]
    private static partial void LogUnauthenticated(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to /api/messages with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an authenticated request: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many turns in flight: refusing requests with 503 and Retry-After ({Refused} refused since start)")]
    private static partial void LogBusy(ILogger logger, long refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a repeated delivery of the same activity")]
    private static partial void LogDuplicate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The id of finished activity {ActivityId} in conversation {ConversationId} could not be recorded; only this process will recognise a repeat")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string conversationId, string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn still running after {Seconds} s; acknowledged and left to finish in the background")]
    private static partial void LogSlowTurn(ILogger logger, double seconds);
}
