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
        byte[] body;
        try
        {
            body = await ReadLimitedAsync(request.Body, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return TooLarge();
        }
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, ProtocolJson.Default.Activity);
        }
        catch (JsonException)
        {
            return Fail(StatusCodes.Status400BadRequest, "BadRequest", "The body is not valid JSON for an activity.");
        }
        catch (InvalidOperationException)
        {
            return Fail(StatusCodes.Status400BadRequest, "BadRequest", "The body is not valid JSON for an activity.");
        }
        if (activity is null)
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

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    private static async Task<byte[]> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new InvalidDataException("Body over the limit.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Result TooLarge() =>
        Fail(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The activity is larger than {MaxBodyBytes} bytes.");

    private static Result Fail(int status, string code, string message) => new(null, status, code, message);
}
