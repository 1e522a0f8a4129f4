using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Conformance;

/// <summary>
/// Structural check of custom resources that have no upstream model on npm: walks the YAML nodes of a document against
/// the compact schema of its kind (Schemas/*.yaml, notation in Schemas/README.md) and reports
/// <c>&lt;file&gt;: &lt;kind&gt; &lt;name&gt;: &lt;path&gt;: &lt;problem&gt;</c> for unknown fields, wrong types, missing
/// required fields and values outside an enum.
/// </summary>
internal sealed partial class StructuralValidator
{
    private static readonly SchemaNode Metadata = new ObjectSchema(new Dictionary<string, Field>(StringComparer.Ordinal)
    {
        ["name"] = new(new ScalarSchema(ScalarType.String, null), Required: false),
        ["generateName"] = new(new ScalarSchema(ScalarType.String, null), Required: false),
        ["namespace"] = new(new ScalarSchema(ScalarType.String, null), Required: false),
        ["labels"] = new(new FreeSchema(FreeKind.Map), Required: false),
        ["annotations"] = new(new FreeSchema(FreeKind.Map), Required: false),
    });

    private readonly Dictionary<(string ApiVersion, string Kind), KindSchema> _schemas = [];
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaNode> _fragments = new(StringComparer.Ordinal);
    private readonly string _directory;

    private StructuralValidator(string directory)
    {
        _directory = directory;
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Where(p => !Path.GetFileName(p).StartsWith('_')).Order(StringComparer.Ordinal))
        {
            var root = Load(path);
            var apiVersion = Text(root, "apiVersion") ?? throw new InvalidDataException($"{path}: no apiVersion");
            var kind = Text(root, "kind") ?? throw new InvalidDataException($"{path}: no kind");
            var top = new Dictionary<string, Field>(StringComparer.Ordinal)
            {
                ["apiVersion"] = new(new ScalarSchema(ScalarType.String, null), Required: true),
                ["kind"] = new(new ScalarSchema(ScalarType.String, null), Required: true),
                ["metadata"] = new(Metadata, Required: true),
            };
            foreach (var (key, value) in root.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                if (name is not ("apiVersion" or "kind"))
                {
                    var field = FieldName(name, out var required);
                    top[field] = new(Parse(value, path), required);
                }
            }

            _schemas[(apiVersion, kind)] = new KindSchema(apiVersion, kind, Path.GetFileName(path), new ObjectSchema(top));
            _groups.Add(GroupOf(apiVersion));
        }
    }

    /// <summary>The validator for the schemas in tests/Scaffolder.Tests/Conformance/Schemas.</summary>
    public static StructuralValidator Default { get; } = new(SchemaDirectory);

    public static string SchemaDirectory => Path.Combine(TestRepo.SourceRoot, "tests", "Scaffolder.Tests", "Conformance", "Schemas");

    /// <summary>The kinds with a schema, as <c>apiVersion/kind</c>... pairs.</summary>
    public IReadOnlyCollection<(string ApiVersion, string Kind)> Kinds => _schemas.Keys;

    /// <summary>
    /// Validates every document of <paramref name="content"/> whose apiVersion belongs to a group with schemas.
    /// A kind of such a group without a schema is a problem too, so a new kind cannot slip through unchecked.
    /// </summary>
    /// <param name="file">The path shown in problems; a file name containing <c>patch</c> is a kustomize patch, whose
    /// required fields are not enforced.</param>
    public ValidationResult Validate(string file, string content)
    {
        var result = new ValidationResult();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException ex)
        {
            result.Problems.Add($"{file}: not valid YAML: {ex.Message}");
            return result;
        }

        var patch = Path.GetFileName(file).Contains("patch", StringComparison.OrdinalIgnoreCase);
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || Text(root, "apiVersion") is not { } apiVersion || Text(root, "kind") is not { } kind)
            {
                continue;
            }

            var name = root.Children.TryGetValue(new YamlScalarNode("metadata"), out var metadata) && metadata is YamlMappingNode m
                ? Text(m, "name") ?? "(no name)"
                : "(no name)";
            var prefix = $"{file}: {kind} {name}: ";
            if (!_schemas.TryGetValue((apiVersion, kind), out var schema))
            {
                if (_groups.Contains(GroupOf(apiVersion)))
                {
                    result.Problems.Add($"{prefix}(document): no structural schema for {apiVersion} {kind} in Conformance/Schemas");
                }

                continue;
            }

            result.Documents.Add($"{apiVersion} {kind}");
            var context = new Context(prefix, patch, result.Problems);
            Check(schema.Root, root, string.Empty, context);
        }

        return result;
    }

    private static void Check(SchemaNode schema, YamlNode node, string path, Context context)
    {
        switch (schema)
        {
            case ObjectSchema obj:
                if (node is not YamlMappingNode mapping)
                {
                    context.Report(path, $"expected an object, got {Describe(node)}");
                    return;
                }

                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "?";
                    if (!obj.Fields.TryGetValue(name, out var field))
                    {
                        context.Report(Join(path, name), $"unknown field (known: {string.Join(", ", obj.Fields.Keys.Order(StringComparer.Ordinal))})");
                        continue;
                    }

                    Check(field.Schema, value, Join(path, name), context);
                }

                if (!context.Patch)
                {
                    foreach (var (name, field) in obj.Fields)
                    {
                        if (field.Required && !mapping.Children.ContainsKey(new YamlScalarNode(name)))
                        {
                            context.Report(Join(path, name), "missing required field");
                        }
                    }
                }

                break;
            case ListSchema list:
                if (node is not YamlSequenceNode sequence)
                {
                    context.Report(path, $"expected a list, got {Describe(node)}");
                    return;
                }

                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Check(list.Item, sequence.Children[i], $"{path}[{i}]", context);
                }

                break;
            case FreeSchema { Kind: FreeKind.Any }:
                break;
            case FreeSchema { Kind: FreeKind.Object }:
                if (node is not YamlMappingNode)
                {
                    context.Report(path, $"expected an object, got {Describe(node)}");
                }

                break;
            case FreeSchema { Kind: FreeKind.Map }:
                if (node is not YamlMappingNode map)
                {
                    context.Report(path, $"expected a map of strings, got {Describe(node)}");
                    return;
                }

                foreach (var (key, value) in map.Children)
                {
                    Check(new ScalarSchema(ScalarType.String, null), value, Join(path, (key as YamlScalarNode)?.Value ?? "?"), context);
                }

                break;
            case ScalarSchema scalar:
                CheckScalar(scalar, node, path, context);
                break;
            default:
                throw new InvalidOperationException(schema.GetType().Name);
        }
    }

    private static void CheckScalar(ScalarSchema schema, YamlNode node, string path, Context context)
    {
        if (node is not YamlScalarNode scalar)
        {
            context.Report(path, $"expected {Expected(schema)}, got {Describe(node)}");
            return;
        }

        var value = scalar.Value ?? string.Empty;
        var resolved = Resolve(scalar);
        var placeholder = resolved == "string" && Placeholder().IsMatch(value);
        var ok = schema.Type switch
        {
            ScalarType.String => resolved == "string",
            ScalarType.Int => resolved == "int" || (scalar.Style == ScalarStyle.Plain && placeholder),
            ScalarType.Bool => (resolved == "bool" && value is "true" or "false") || (scalar.Style == ScalarStyle.Plain && placeholder),
            ScalarType.Quantity => resolved is "int" or "float" or "string",
            ScalarType.Enum => resolved == "string" && (schema.Values!.Contains(value) || placeholder),
            _ => false,
        };
        if (!ok)
        {
            var got = schema.Type == ScalarType.Enum && resolved == "string" ? $"\"{value}\"" : $"{resolved} {Quote(scalar)}";
            context.Report(path, $"expected {Expected(schema)}, got {got}");
        }
    }

    /// <summary>How Kubernetes (YAML 1.1 via sigs.k8s.io/yaml) reads a scalar: string, int, float, bool or null.</summary>
    private static string Resolve(YamlScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return "string";
        }

        var value = scalar.Value ?? string.Empty;
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => "null",
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
                or "yes" or "Yes" or "YES" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF" => "bool",
            _ when IntPattern().IsMatch(value) => "int",
            _ when FloatPattern().IsMatch(value) => "float",
            _ => "string",
        };
    }

    private static string Expected(ScalarSchema schema) => schema.Type switch
    {
        ScalarType.String => "a string",
        ScalarType.Int => "an int",
        ScalarType.Bool => "a bool",
        ScalarType.Quantity => "an int or a string",
        ScalarType.Enum => $"one of {string.Join('|', schema.Values!)}",
        _ => schema.Type.ToString(),
    };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "an object",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => $"{Resolve(scalar)} {Quote(scalar)}",
        _ => node.NodeType.ToString(),
    };

    private static string Quote(YamlScalarNode scalar) => scalar.Style == ScalarStyle.Plain ? scalar.Value ?? string.Empty : $"\"{scalar.Value}\"";

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string GroupOf(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    private static string? Text(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static string FieldName(string key, out bool required)
    {
        required = key.EndsWith('!');
        return required ? key[..^1] : key;
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents[0].RootNode as YamlMappingNode ?? throw new InvalidDataException($"{path}: not a mapping");
    }

    private SchemaNode Parse(YamlNode node, string source)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    var name = FieldName(((YamlScalarNode)key).Value!, out var required);
                    fields[name] = new Field(Parse(value, source), required);
                }

                return new ObjectSchema(fields);
            case YamlSequenceNode { Children.Count: 1 } sequence:
                return new ListSchema(Parse(sequence.Children[0], source));
            case YamlScalarNode { Value: { } type }:
                return ParseType(type, source);
            default:
                throw new InvalidDataException($"{source}: cannot read schema node at {node.Start}");
        }
    }

    private SchemaNode ParseType(string type, string source)
    {
        switch (type)
        {
            case "string": return new ScalarSchema(ScalarType.String, null);
            case "int": return new ScalarSchema(ScalarType.Int, null);
            case "bool": return new ScalarSchema(ScalarType.Bool, null);
            case "quantity": return new ScalarSchema(ScalarType.Quantity, null);
            case "map": return new FreeSchema(FreeKind.Map);
            case "object": return new FreeSchema(FreeKind.Object);
            case "any": return new FreeSchema(FreeKind.Any);
        }

        if (type.StartsWith("enum(", StringComparison.Ordinal) && type.EndsWith(')'))
        {
            return new ScalarSchema(ScalarType.Enum, [.. type[5..^1].Split('|')]);
        }

        if (type.StartsWith("ref(", StringComparison.Ordinal) && type.EndsWith(')'))
        {
            var name = type[4..^1];
            if (!_fragments.TryGetValue(name, out var fragment))
            {
                var path = Path.Combine(_directory, $"_{name}.yaml");
                fragment = Parse(Load(path), path);
                _fragments[name] = fragment;
            }

            return fragment;
        }

        throw new InvalidDataException($"{source}: unknown type '{type}'");
    }

    [GeneratedRegex(@"^\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-=+?][^}]*)?\}$", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    internal sealed class ValidationResult
    {
        /// <summary>The validated documents, as <c>apiVersion kind</c>.</summary>
        public List<string> Documents { get; } = [];

        public List<string> Problems { get; } = [];
    }

    private sealed record Context(string Prefix, bool Patch, List<string> Problems)
    {
        public void Report(string path, string problem) =>
            Problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{(path.Length == 0 ? "(document)" : path)}: {problem}"));
    }

    private sealed record KindSchema(string ApiVersion, string Kind, string File, ObjectSchema Root);

    private sealed record Field(SchemaNode Schema, bool Required);

    private abstract record SchemaNode;

    private sealed record ObjectSchema(Dictionary<string, Field> Fields) : SchemaNode;

    private sealed record ListSchema(SchemaNode Item) : SchemaNode;

    private sealed record ScalarSchema(ScalarType Type, string[]? Values) : SchemaNode;

    private sealed record FreeSchema(FreeKind Kind) : SchemaNode;

    private enum ScalarType
    {
        String,
        Int,
        Bool,
        Quantity,
        Enum,
    }

    private enum FreeKind
    {
        Map,
        Object,
        Any,
    }
}
