using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace GiBot.Tests.Cards;

/// <summary>
/// Checks a card against the official Adaptive Cards 1.5 schema (read from the shared folder, never
/// copied) plus what the schema cannot say: Teams' size limit and GiBot's button conventions.
/// Any feature's tests can call <see cref="Validate"/> on every card they send.
/// </summary>
public static class AdaptiveCardSchema
{
    public const int MaxCardBytes = 28 * 1024;
    private static readonly string[] SchemaPath = ["schemas", "data", "adaptivecards", "1.5.0", "adaptive-card.json"];
    private static readonly Lazy<JsonSchema?> Schema = new(Load);

    /// <summary>Where the schema was found, or null (then schema tests are skipped, not passed).</summary>
    public static string? SchemaFile { get; } = RepositoryFiles.Shared(SchemaPath);

    /// <summary>All problems with the card; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonObject card)
    {
        var problems = new List<string>();
        var json = card.ToJsonString();
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > MaxCardBytes)
        {
            problems.Add($"card is {bytes} bytes, over the {MaxCardBytes}-byte limit");
        }
        if (card["type"]?.GetValue<string>() != "AdaptiveCard" || card["version"]?.GetValue<string>() != "1.5")
        {
            problems.Add("card must be type AdaptiveCard, version 1.5");
        }
        problems.AddRange(ButtonConventions(card));
        if (Schema.Value is { } schema)
        {
            using var document = JsonDocument.Parse(WithSchemaDefectsWorkedAround(card).ToJsonString());
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
            {
                problems.AddRange(result.Details?.Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                    .Distinct().Take(20) ?? ["schema: invalid"]);
            }
        }
        return problems;
    }

    /// <summary>Fails the test with every problem listed; skips when the shared schema is absent.</summary>
    public static void AssertValid(JsonObject card, string name)
    {
        var problems = Validate(card);
        Assert.True(problems.Count == 0, $"{name}:\n{string.Join('\n', problems)}\n{card.ToJsonString()[..Math.Min(2000, card.ToJsonString().Length)]}");
    }

    public static void SkipWithoutSchema() =>
        Assert.SkipWhen(SchemaFile is null, "The official schema (../shared/schemas/data/adaptivecards/1.5.0/adaptive-card.json) is not beside this repository.");

    /// <summary>
    /// The official file has known defects (shared/schemas/README.md): Teams' <c>msteams</c> card property
    /// is missing, Container's <c>rtl</c> is spelled <c>rtl?</c> and Table's <c>firstRowAsHeaders</c> is
    /// spelled <c>firstRowAsHeader</c>. Rename or drop those in a copy so only real errors remain.
    /// </summary>
    public static JsonObject WithSchemaDefectsWorkedAround(JsonObject card)
    {
        var copy = (JsonObject)card.DeepClone();
        copy.Remove("msteams");
        Rename(copy);
        return copy;
    }

    private static void Rename(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var type = obj["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
                if (type == "Container" && obj.Remove("rtl", out var rtl))
                {
                    obj["rtl?"] = rtl;
                }
                if (type == "Table" && obj.Remove("firstRowAsHeaders", out var headers))
                {
                    obj["firstRowAsHeader"] = headers;
                }
                foreach (var (_, child) in obj.ToArray())
                {
                    Rename(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rename(child);
                }
                break;
        }
    }

    /// <summary>GiBot's buttons carry the verb in data.verb and the card's language in data.lang.</summary>
    private static IEnumerable<string> ButtonConventions(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type is "Action.Submit" or "Action.Execute")
                {
                    var data = obj["data"] as JsonObject;
                    var verb = type == "Action.Execute" ? obj["verb"] ?? data?["verb"] : data?["verb"];
                    if (verb is null)
                    {
                        yield return $"{path}: {type} without a verb";
                    }
                    if (data?["lang"] is null)
                    {
                        yield return $"{path}: {type} without data.lang";
                    }
                }
                foreach (var (key, child) in obj)
                {
                    foreach (var problem in ButtonConventions(child, $"{path}.{key}"))
                    {
                        yield return problem;
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var problem in ButtonConventions(array[i], $"{path}[{i}]"))
                    {
                        yield return problem;
                    }
                }
                break;
        }
    }

    private static JsonSchema? Load()
    {
        if (SchemaFile is null)
        {
            return null;
        }
        var options = new BuildOptions { Dialect = Dialect.Draft06, SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(File.ReadAllText(SchemaFile), options);
    }
}
