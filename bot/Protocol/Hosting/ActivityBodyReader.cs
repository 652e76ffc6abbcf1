using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Hosting;

/// <summary>Reads and checks the body of <c>POST /api/messages</c>, mapping each problem to its HTTP status.</summary>
public static class ActivityBodyReader
{
    public const long MaxBodyBytes = 1024 * 1024;

    public sealed record Result(Activity? Activity, int Status, string? ErrorCode, string? ErrorMessage)
    {
        public bool Ok => Activity is not null;
    }

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The body must be an activity sent as application/json.");
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }
        // The body is parsed where Kestrel buffered it (no copy into an array of our own): read until the
        // request ends, then parse the whole sequence once and release it.
        var reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                return TooLarge();
            }
            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        Activity? activity;
        try
        {
            activity = Parse(read.Buffer);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
        return activity is null
            ? Fail(StatusCodes.Status400BadRequest, "BadRequest", "The body is not valid JSON for an activity.")
            : Check(activity);
    }

    /// <summary>The activity, or null when the body is not one JSON value that maps to an activity.</summary>
    public static Activity? Parse(ReadOnlySequence<byte> body)
    {
        var json = new Utf8JsonReader(body, new JsonReaderOptions
        {
            AllowTrailingCommas = ProtocolJson.Default.Options.AllowTrailingCommas,
            CommentHandling = ProtocolJson.Default.Options.ReadCommentHandling,
            MaxDepth = ProtocolJson.Default.Options.MaxDepth,
        });
        try
        {
            var activity = ActivityReader.Read(ref json);
            // One value and nothing after it (the reader throws on a second value or stray bytes).
            return json.Read() ? null : activity ?? MissingObject;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Marks a body that was the JSON literal null: well-formed, but not an activity.</summary>
    private static readonly Activity MissingObject = new();

    private static Result Check(Activity activity)
    {
        if (ReferenceEquals(activity, MissingObject))
        {
            return Fail(StatusCodes.Status400BadRequest, "BadRequest", "The body must be a JSON object.");
        }
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Fail(StatusCodes.Status400BadRequest, "BadRequest", "The activity has no type.");
        }
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return Fail(StatusCodes.Status400BadRequest, "BadRequest", "The activity has no conversation id.");
        }
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return Fail(StatusCodes.Status400BadRequest, "BadRequest", "The activity has no valid serviceUrl.");
        }
        return new Result(activity, StatusCodes.Status200OK, null, null);
    }

    /// <summary>The two forms the channel sends, recognised without parsing the header (which allocates).</summary>
    private const string Json = "application/json", JsonUtf8 = "application/json; charset=utf-8";

    internal static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.Equals(Json, StringComparison.OrdinalIgnoreCase) || contentType.Equals(JsonUtf8, StringComparison.OrdinalIgnoreCase)
            || IsJsonMediaType(contentType));

    private static bool IsJsonMediaType(string contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    private static Result TooLarge() =>
        Fail(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The activity is larger than {MaxBodyBytes} bytes.");

    private static Result Fail(int status, string code, string message) => new(null, status, code, message);
}
