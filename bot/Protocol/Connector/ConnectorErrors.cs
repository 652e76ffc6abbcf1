using System.Text.Json;

namespace GiBot.Protocol.Connector;

/// <summary>Reads both error shapes the connector uses: <c>{"error":{code,message}}</c> and Teams' <c>{errorCode,message}</c>.</summary>
internal static class ConnectorErrors
{
    public static async Task<ConnectorException> ToExceptionAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using (response)
        {
            string? code = null;
            string? message = null;
            try
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!string.IsNullOrWhiteSpace(body))
                {
                    using var document = JsonDocument.Parse(body);
                    var root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                    {
                        code = ReadString(error, "code");
                        message = ReadString(error, "message");
                    }
                    else if (root.ValueKind == JsonValueKind.Object)
                    {
                        code = root.TryGetProperty("errorCode", out var errorCode) ? errorCode.ToString() : null;
                        message = ReadString(root, "message");
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON: the status code says enough.
            }
            var text = $"Connector {method} {path} failed with {(int)response.StatusCode} {response.StatusCode}"
                + (code is null ? "" : $" ({code})") + (message is null ? "" : $": {message}");
            return new ConnectorException(response.StatusCode, code, text);
        }
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
