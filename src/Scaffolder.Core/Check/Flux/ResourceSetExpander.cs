using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>
/// Expands a flux-operator ResourceSet from the repository alone: every input set of <c>spec.inputs</c> (combined by
/// <c>spec.inputStrategy</c>) rendered into <c>spec.resources</c> and <c>spec.resourcesTemplate</c> with
/// <see cref="GoTemplate"/>. Inputs a cluster provides (<c>spec.inputsFrom</c>) are not in the repository: such a
/// ResourceSet expands its inline inputs only and says so in <see cref="ResourceSetExpansion.Problem"/>.
/// </summary>
public static class ResourceSetExpander
{
    /// <summary>The most documents one ResourceSet may generate offline (a Permute of large inputs stays bounded).</summary>
    public const int MaxDocuments = 10_000;

    /// <summary>Expands <paramref name="resourceSet"/> (the root mapping of a ResourceSet document).</summary>
    public static ResourceSetExpansion Expand(LocatedMapping resourceSet)
    {
        ArgumentNullException.ThrowIfNull(resourceSet);
        var spec = resourceSet.Get("spec") as LocatedMapping;
        if (spec is null)
        {
            return new ResourceSetExpansion([], null);
        }

        var provider = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["apiVersion"] = resourceSet.Get("apiVersion")?.Text,
            ["kind"] = "ResourceSet",
            ["name"] = resourceSet.At("metadata", "name")?.Text,
            ["namespace"] = resourceSet.At("metadata", "namespace")?.Text,
        };
        var problem = spec.Get("inputsFrom") is LocatedSequence { Items.Count: > 0 } ? "its inputsFrom providers live in the cluster" : null;
        var inputSets = InputSets(spec, provider);
        var documents = new List<GeneratedDocument>();
        try
        {
            var template = spec.Get("resourcesTemplate") as LocatedScalar;
            var parsed = template is { Value.Length: > 0 } ? GoTemplate.Parse(template.Value) : null;
            foreach (var inputs in inputSets)
            {
                foreach (var resource in (spec.Get("resources") as LocatedSequence)?.Items ?? [])
                {
                    var node = RenderNode(resource, inputs);
                    documents.Add(new GeneratedDocument(new LocatedDocument(node, resource.Line, resource.Line), resource.Line, inputs));
                }

                if (parsed is not null)
                {
                    var content = YamlStreamReader.Read(parsed.Render(inputs));
                    if (content.Error is not null)
                    {
                        return new ResourceSetExpansion(documents, $"its resourcesTemplate renders invalid YAML ({content.Error.Message})");
                    }

                    documents.AddRange(content.Documents.Where(d => d.Root is not null).Select(d => new GeneratedDocument(d, template!.Line, inputs)));
                }

                if (documents.Count > MaxDocuments)
                {
                    return new ResourceSetExpansion(documents[..MaxDocuments], $"it generates more than {MaxDocuments} objects");
                }
            }
        }
        catch (TemplateException ex)
        {
            return new ResourceSetExpansion([], $"its template cannot be rendered offline ({ex.Message})");
        }

        return new ResourceSetExpansion(documents, problem);
    }

    /// <summary>
    /// The input sets: each inline input with <c>provider</c> (the ResourceSet itself) added. <c>Flatten</c> (the default)
    /// takes them one by one; <c>Permute</c> combines providers, and the inline inputs are one provider, so the product
    /// of one provider is its own inputs, each also reachable under the provider's normalized name.
    /// </summary>
    private static List<IReadOnlyDictionary<string, object?>> InputSets(LocatedMapping spec, Dictionary<string, object?> provider)
    {
        var permute = spec.At("inputStrategy", "name")?.Text == "Permute";
        var providerKey = Normalize($"{provider["kind"]}/{provider["namespace"]}/{provider["name"]}");
        var sets = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var item in (spec.Get("inputs") as LocatedSequence)?.Items ?? [])
        {
            if (YamlData.From(item) is not Dictionary<string, object?> input)
            {
                continue;
            }

            input.TryAdd("provider", provider);
            if (permute)
            {
                input.TryAdd(providerKey, new Dictionary<string, object?>(input, StringComparer.Ordinal));
            }

            sets.Add(input);
        }

        return sets;
    }

    private static string Normalize(string name) =>
        new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>Renders every key and scalar of a <c>spec.resources</c> item, keeping its lines.</summary>
    private static LocatedNode RenderNode(LocatedNode node, IReadOnlyDictionary<string, object?> inputs) => node switch
    {
        LocatedScalar scalar => RenderScalar(scalar, inputs),
        LocatedSequence sequence => new LocatedSequence(sequence.Items.Select(i => RenderNode(i, inputs)).ToList(), sequence.Line, sequence.Column),
        LocatedMapping mapping => new LocatedMapping(
            mapping.Entries.Select(e => new LocatedEntry(RenderScalar(e.Key, inputs), RenderNode(e.Value, inputs))).ToList(),
            mapping.Line,
            mapping.Column),
        _ => node,
    };

    private static LocatedScalar RenderScalar(LocatedScalar scalar, IReadOnlyDictionary<string, object?> inputs) =>
        scalar.Value.Contains("<<", StringComparison.Ordinal)
            ? new LocatedScalar(GoTemplate.Parse(scalar.Value).Render(inputs), scalar.IsQuoted, scalar.Line, scalar.Column)
            : scalar;
}
