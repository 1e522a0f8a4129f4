using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Scaffolder.Core.Check.Flux;
using Scaffolder.Core.Yaml;
using Scaffolder.Core.IO;

namespace Scaffolder.Core.Check.Schema;

/// <summary>
/// The <c>openAPIV3Schema</c> of every served version of the CustomResourceDefinitions in some folders (<c>--crds</c>),
/// by apiVersion and kind, made as strict as kubeconform <c>-strict</c>: every structural object schema that lists
/// <c>properties</c> is closed (<c>additionalProperties: false</c>) unless it preserves unknown fields or says what extra
/// keys hold; <c>x-kubernetes-int-or-string</c> is "integer or string"; <c>nullable</c> admits null; and
/// <c>metadata</c>, which CRDs leave open, is checked as ObjectMeta. Schemas compile (JsonSchema.Net, draft 7) on first use.
/// </summary>
public sealed class CrdSchemaSet
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly BuildOptions Build = new() { Dialect = Dialect.Draft07 };
    private readonly Dictionary<(string ApiVersion, string Kind), Entry> schemas = [];

    private CrdSchemaSet()
    {
    }

    /// <summary>An empty set: no manifest is validated.</summary>
    public static CrdSchemaSet Empty { get; } = new();

    /// <summary>How many apiVersion/kind pairs have a schema.</summary>
    public int Count => schemas.Count;

    /// <summary>
    /// Reads the CRDs of every <c>.yaml</c>, <c>.yml</c> and <c>.json</c> file below <paramref name="directories"/>
    /// (absolute). A folder that does not exist, or one without a single CRD, is a <see cref="UserInputException"/>.
    /// </summary>
    public static CrdSchemaSet Load(IFileSystem fileSystem, IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(directories);
        if (directories.Count == 0)
        {
            return Empty;
        }

        var set = new CrdSchemaSet();
        foreach (var directory in directories)
        {
            if (!fileSystem.DirectoryExists(directory))
            {
                throw new UserInputException($"--crds: '{directory}' is not a folder");
            }

            var before = set.Count;
            foreach (var file in Files(fileSystem, directory))
            {
                set.Add(Utf8.GetString(fileSystem.ReadAllBytes(file)), file);
            }

            if (set.Count == before)
            {
                throw new UserInputException($"--crds: '{directory}' holds no CustomResourceDefinition with an openAPIV3Schema");
            }
        }

        return set;
    }

    /// <summary>Adds the CRDs of one YAML (or JSON) text.</summary>
    internal void Add(string text, string source)
    {
        foreach (var document in YamlStreamReader.Read(text).Documents)
        {
            if (document.Map is not { } map || map.Get("kind")?.Text != "CustomResourceDefinition"
                || map.At("spec", "group")?.Text is not { } group || map.At("spec", "names", "kind")?.Text is not { } kind)
            {
                continue;
            }

            foreach (var version in (map.At("spec", "versions") as LocatedSequence)?.Items.OfType<LocatedMapping>() ?? [])
            {
                if (version.Get("name")?.Text is { } name && version.Get("served")?.Text != "false"
                    && version.At("schema", "openAPIV3Schema") is LocatedMapping schema)
                {
                    schemas.TryAdd(($"{group}/{name}", kind), new Entry(schema, $"{source} {name}"));
                }
            }
        }
    }

    /// <summary>Whether <paramref name="apiVersion"/> and <paramref name="kind"/> have a schema.</summary>
    public bool Has(string apiVersion, string kind) => schemas.ContainsKey((apiVersion, kind));

    /// <summary>The compiled schema of <paramref name="apiVersion"/> and <paramref name="kind"/>, or null.</summary>
    internal JsonSchema? Get(string apiVersion, string kind) =>
        schemas.TryGetValue((apiVersion, kind), out var entry) ? entry.Schema : null;

    private static IEnumerable<string> Files(IFileSystem fileSystem, string directory) =>
        fileSystem.EnumerateFiles(directory, recursive: true)
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json")
            .Order(StringComparer.Ordinal);

    private sealed class Entry(LocatedMapping schema, string source)
    {
        private readonly Lock gate = new();
        private JsonSchema? compiled;

        public string Source { get; } = source;

        public JsonSchema Schema
        {
            get
            {
                lock (gate)
                {
                    return compiled ??= Compile(schema);
                }
            }
        }
    }

    private static JsonSchema Compile(LocatedMapping schema)
    {
        var node = Strict(ToJson(YamlData.From(schema)))!.AsObject();
        if (node["properties"] is JsonObject properties)
        {
            properties["metadata"] = JsonNode.Parse(ObjectMeta);
        }

        return JsonSchema.Build(JsonSerializer.SerializeToElement(node), Build);
    }

    /// <summary>Closes structural object schemas and maps the Kubernetes extensions, dropping the other <c>x-</c> keys.</summary>
    private static JsonNode? Strict(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true && schema["type"] is null && schema["anyOf"] is null)
        {
            schema["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
        }

        if (schema["nullable"]?.GetValue<bool>() == true && schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
        }

        foreach (var key in schema.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal) || k is "nullable" or "description" or "example").ToList())
        {
            schema.Remove(key);
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (_, child) in properties.ToList())
            {
                Strict(child);
            }

            if (!preserve && schema["additionalProperties"] is null)
            {
                schema["additionalProperties"] = false;
            }
        }

        Strict(schema["items"]);
        Strict(schema["additionalProperties"]);
        return schema;
    }

    /// <summary>Plain data (see <see cref="YamlData"/>) as a JSON node.</summary>
    internal static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        bool b => JsonValue.Create(b),
        IReadOnlyDictionary<string, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        IReadOnlyList<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>The fields of Kubernetes ObjectMeta (apimachinery), which the API server checks on every object.</summary>
    private const string ObjectMeta = """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "name": { "type": "string" },
            "generateName": { "type": "string" },
            "namespace": { "type": "string" },
            "selfLink": { "type": "string" },
            "uid": { "type": "string" },
            "resourceVersion": { "type": "string" },
            "generation": { "type": "integer" },
            "creationTimestamp": { "type": "string" },
            "deletionTimestamp": { "type": "string" },
            "deletionGracePeriodSeconds": { "type": "integer" },
            "labels": { "type": "object", "additionalProperties": { "type": "string" } },
            "annotations": { "type": "object", "additionalProperties": { "type": "string" } },
            "ownerReferences": { "type": "array", "items": { "type": "object" } },
            "finalizers": { "type": "array", "items": { "type": "string" } },
            "managedFields": { "type": "array", "items": { "type": "object" } }
          }
        }
        """;
}
