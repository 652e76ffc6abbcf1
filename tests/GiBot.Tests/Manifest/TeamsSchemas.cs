using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace GiBot.Tests.Manifest;

/// <summary>
/// The official Teams manifest and localization schemas, read from the shared schema folder
/// (<c>../shared/schemas/data/teams/vX.Y/</c> beside the repository, or beside one of its parents for a
/// worktree); never copied into the repository. Tests that need them are skipped where the folder is absent.
/// </summary>
public static class TeamsSchemas
{
    private const string Draft04 = "http://json-schema.org/draft-04/schema#";
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";

    public static string Folder(string manifestVersion)
    {
        var relative = Path.Combine("shared", "schemas", "data", "teams", "v" + manifestVersion);
        for (var directory = RepositoryRoot().Parent; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        // As with the Adaptive Card schema: a clone without the shared folder skips these checks instead of failing.
        Assert.Skip($"The official Teams schemas are not beside this repository (../{relative}; see ../shared/schemas/README.md).");
        throw new System.Diagnostics.UnreachableException();
    }

    public static DirectoryInfo RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GiBot.sln")))
            {
                return directory;
            }
        }
        throw new DirectoryNotFoundException("GiBot.sln not found above the test binaries.");
    }

    public static JsonSchema Manifest(string manifestVersion) =>
        Load(Path.Combine(Folder(manifestVersion), "MicrosoftTeams.schema.json"));

    public static JsonSchema Localization(string manifestVersion) =>
        Load(Path.Combine(Folder(manifestVersion), "MicrosoftTeams.Localization.schema.json"));

    /// <summary>The schema's errors for the instance, one line each ("/path: message"); empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no details)")
            .ToArray();
    }

    /// <summary>
    /// The Teams schemas are draft-04, which JsonSchema.Net does not implement (draft-06 and later).
    /// They use no keyword whose meaning changed after draft-04 (checked here), so they are read as
    /// draft-07 in memory; the file on disk is never changed.
    /// </summary>
    private static JsonSchema Load(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        if (node["$schema"]?.GetValue<string>() is Draft04)
        {
            AssertNoDraft04OnlyKeywords(node, path);
            node["$schema"] = Draft07;
        }
        return JsonSchema.FromText(node.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>A string <c>id</c> or a boolean <c>exclusiveMinimum/Maximum</c> means something else after draft-04.</summary>
    private static void AssertNoDraft04OnlyKeywords(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var changedMeaning = (key == "id" && child is JsonValue v && v.TryGetValue<string>(out _))
                        || (key is "exclusiveMinimum" or "exclusiveMaximum" && child is JsonValue b && b.TryGetValue<bool>(out _));
                    if (changedMeaning)
                    {
                        throw new InvalidOperationException($"{path} uses the draft-04 keyword '{key}' at {child!.GetPath()}: convert it before reading the schema as draft-07.");
                    }
                    if (child is not null)
                    {
                        AssertNoDraft04OnlyKeywords(child, path);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    AssertNoDraft04OnlyKeywords(child, path);
                }
                break;
        }
    }
}
