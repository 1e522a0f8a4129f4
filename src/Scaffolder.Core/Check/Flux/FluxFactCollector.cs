using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>Gathers, from one file, what the Flux model of the repository is built from (see <see cref="FluxModel"/>).</summary>
internal static class FluxFactCollector
{
    /// <summary>The annotation (or label) that turns Flux substitution off for one object.</summary>
    public const string SubstituteAnnotation = "kustomize.toolkit.fluxcd.io/substitute";

    private const string FluxKustomizeGroup = "kustomize.toolkit.fluxcd.io/";
    private const string KustomizeGroup = "kustomize.config.k8s.io/";

    /// <summary>Adds the Flux facts of <paramref name="file"/>.</summary>
    public static void Collect(SourceFile file, List<object> facts, Func<string, string, bool>? hasCrd)
    {
        switch (file.Kind)
        {
            case SourceKind.Env:
                facts.Add(new EnvFileFact(file.RelativePath, EnvEntries(file)));
                return;
            case SourceKind.Yaml when file.Yaml is { } yaml:
                var uses = new List<VariableUse>();
                foreach (var document in yaml.Documents)
                {
                    CollectDocument(file, document, facts, uses, hasCrd);
                }

                facts.Add(new YamlFileFact(file.RelativePath, uses));
                return;
        }
    }

    private static void CollectDocument(SourceFile file, LocatedDocument document, List<object> facts, List<VariableUse> uses, Func<string, string, bool>? hasCrd)
    {
        if (document.Map is not { } map)
        {
            return;
        }

        var disabled = document.Annotations?.Get(SubstituteAnnotation)?.Text == "disabled"
            || document.Labels?.Get(SubstituteAnnotation)?.Text == "disabled";
        if (!disabled)
        {
            VariableUses(file, map, uses);
        }

        var apiVersion = document.ApiVersion ?? string.Empty;
        var kind = document.Kind;
        if (kind is not null && hasCrd is not null && hasCrd(apiVersion, kind))
        {
            facts.Add(new CrdDocumentFact(file.RelativePath, document));
        }

        switch (kind)
        {
            case "Kustomization" when apiVersion.StartsWith(FluxKustomizeGroup, StringComparison.Ordinal):
                if (FluxKustomization(map, Locate(file, map.GetEntry("kind")!.Key), null) is { } flux)
                {
                    facts.Add(flux);
                }

                break;
            case "ResourceSet":
                CollectResourceSet(file, document, map, facts);
                break;
            case "ConfigMap" or "Secret":
                var data = (map.Get(kind == "Secret" ? "stringData" : "data") as LocatedMapping)?.Entries
                    .Select(e => new VariableDefinition(e.Key.Value, e.Value.Text ?? string.Empty, Locate(file, e.Key)))
                    .ToList() ?? [];
                facts.Add(new ConfigMapFact(kind, document.Name ?? string.Empty, data, Locate(file, map)));
                break;
        }

        if (IsKustomizationFile(file.FileName) && (kind is null || apiVersion.StartsWith(KustomizeGroup, StringComparison.Ordinal)))
        {
            facts.Add(Kustomize(file, map));
        }
    }

    private static bool IsKustomizationFile(string name) => name is "kustomization.yaml" or "kustomization.yml" or "Kustomization";

    private static void CollectResourceSet(SourceFile file, LocatedDocument document, LocatedMapping map, List<object> facts)
    {
        var expansion = ResourceSetExpander.Expand(map);
        var id = $"{document.Namespace}/{document.Name}".TrimStart('/');
        foreach (var generated in expansion.Documents)
        {
            if (generated.Document.Map is { } generatedMap
                && generated.Document.Kind == "Kustomization"
                && generated.Document.ApiVersion?.StartsWith(FluxKustomizeGroup, StringComparison.Ordinal) == true
                && FluxKustomization(generatedMap, new SourceLocation(file.RelativePath, generated.Line, 1), id) is { } flux)
            {
                facts.Add(flux);
            }
        }

        if (expansion.Problem is not null)
        {
            facts.Add(new UnexpandedResourceSetFact(id, expansion.Problem, Locate(file, map.GetEntry("kind")?.Key ?? (LocatedNode)map)));
        }
    }

    private static FluxKustomizationFact? FluxKustomization(LocatedMapping map, SourceLocation location, string? generatedBy)
    {
        if (map.At("spec", "path")?.Text is not { } path)
        {
            return null;
        }

        var postBuild = map.At("spec", "postBuild") as LocatedMapping;
        var substitute = (postBuild?.Get("substitute") as LocatedMapping)?.Entries
            .Select(e => new VariableDefinition(e.Key.Value, e.Value.Text ?? string.Empty, generatedBy is null ? new SourceLocation(location.File, e.Key.Line, e.Key.Column) : location))
            .ToList() ?? [];
        var from = (postBuild?.Get("substituteFrom") as LocatedSequence)?.Items.OfType<LocatedMapping>()
            .Where(s => s.Get("name")?.Text is { Length: > 0 })
            .Select(s => new SubstitutionSource(s.Get("kind")?.Text ?? "ConfigMap", s.Get("name")!.Text!, s.Get("optional")?.Text == "true"))
            .ToList() ?? [];
        return new FluxKustomizationFact(
            map.At("metadata", "name")?.Text ?? string.Empty,
            map.At("metadata", "namespace")?.Text ?? string.Empty,
            NormalizePath(path),
            map.At("spec", "targetNamespace")?.Text is { Length: > 0 } ns ? ns : null,
            postBuild is not null && (substitute.Count > 0 || from.Count > 0),
            substitute,
            from,
            location,
            generatedBy);
    }

    /// <summary>A Flux <c>spec.path</c> as a repo-relative path: no leading <c>./</c> or <c>/</c>, no trailing slash.</summary>
    internal static string NormalizePath(string path)
    {
        var trimmed = path.Trim();
        while (trimmed.StartsWith("./", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        trimmed = trimmed.Trim('/');
        return trimmed == "." ? string.Empty : trimmed;
    }

    private static KustomizeFact Kustomize(SourceFile file, LocatedMapping map)
    {
        var directory = file.Directory;
        var resources = new List<string>();
        var included = new List<string>();
        var patches = new List<string>();
        var generators = new List<GeneratedConfigMap>();
        foreach (var key in (string[])["resources", "components", "bases"])
        {
            resources.AddRange(Paths(map.Get(key), directory));
        }

        foreach (var key in (string[])["crds", "configurations", "patchesStrategicMerge"])
        {
            included.AddRange(Paths(map.Get(key), directory));
        }

        patches.AddRange(Paths(map.Get("patchesStrategicMerge"), directory));
        foreach (var patch in (map.Get("patches") as LocatedSequence)?.Items.OfType<LocatedMapping>() ?? [])
        {
            if (patch.Get("path")?.Text is { } path && Resolve(directory, path) is { } resolved)
            {
                patches.Add(resolved);
                included.Add(resolved);
            }
        }

        foreach (var (key, kind) in (ReadOnlySpan<(string, string)>)[("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret")])
        {
            foreach (var generator in (map.Get(key) as LocatedSequence)?.Items.OfType<LocatedMapping>() ?? [])
            {
                var envs = Paths(generator.Get("envs"), directory).Concat(Paths(generator.Get("env"), directory)).ToList();
                var fileEntries = (generator.Get("files") as LocatedSequence)?.Items.Select(i => i.Text).OfType<string>() ?? [];
                foreach (var entry in fileEntries)
                {
                    // "key=path" or "path"
                    var equals = entry.IndexOf('=', StringComparison.Ordinal);
                    if (Resolve(directory, equals >= 0 ? entry[(equals + 1)..] : entry) is { } resolved && (resolved.EndsWith(".yaml", StringComparison.Ordinal) || resolved.EndsWith(".yml", StringComparison.Ordinal)))
                    {
                        included.Add(resolved);
                    }
                }

                var literals = new List<VariableDefinition>();
                foreach (var literal in (generator.Get("literals") as LocatedSequence)?.Items.OfType<LocatedScalar>() ?? [])
                {
                    var equals = literal.Value.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        literals.Add(new VariableDefinition(literal.Value[..equals], literal.Value[(equals + 1)..], Locate(file, literal)));
                    }
                }

                if (generator.Get("name")?.Text is { Length: > 0 } name)
                {
                    generators.Add(new GeneratedConfigMap(kind, name, envs, literals, Locate(file, generator)));
                }
            }
        }

        return new KustomizeFact(file.RelativePath, directory.TrimEnd('/'), resources, included, patches, generators);
    }

    private static IEnumerable<string> Paths(LocatedNode? node, string directory) =>
        (node as LocatedSequence)?.Items.Select(i => i.Text).OfType<string>().Select(p => Resolve(directory, p)).OfType<string>()
        ?? (node is LocatedScalar { Value.Length: > 0 } single && Resolve(directory, single.Value) is { } one ? [one] : []);

    /// <summary>A kustomization entry as a repo-relative path, or null for a remote one or one leaving the repository.</summary>
    internal static string? Resolve(string directory, string entry)
    {
        if (entry.Contains("://", StringComparison.Ordinal) || entry.StartsWith("github.com/", StringComparison.Ordinal) || entry.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var part in (directory.TrimEnd('/') + "/" + entry).Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>The <c>KEY=value</c> lines of an env file (comments and blank lines skipped, <c>export </c> allowed).</summary>
    private static List<VariableDefinition> EnvEntries(SourceFile file)
    {
        var entries = new List<VariableDefinition>();
        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.GetLine(line).Trim();
            if (text.IsEmpty || text[0] == '#')
            {
                continue;
            }

            var equals = text.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = text[..equals].Trim().ToString();
            key = key.StartsWith("export ", StringComparison.Ordinal) ? key[7..].Trim() : key;
            var value = text[(equals + 1)..].Trim().ToString();
            if (value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'')
            {
                value = value[1..^1];
            }

            entries.Add(new VariableDefinition(key, value, new SourceLocation(file.RelativePath, line, 1)));
        }

        return entries;
    }

    /// <summary>The <c>${name}</c> uses of every key and scalar below <paramref name="node"/>, <c>$${name}</c> escapes left out.</summary>
    private static void VariableUses(SourceFile file, LocatedNode node, List<VariableUse> uses)
    {
        switch (node)
        {
            case LocatedScalar scalar:
                ScalarUses(file, scalar, uses);
                break;
            case LocatedMapping map:
                foreach (var entry in map.Entries)
                {
                    ScalarUses(file, entry.Key, uses);
                    VariableUses(file, entry.Value, uses);
                }

                break;
            case LocatedSequence sequence:
                foreach (var item in sequence.Items)
                {
                    VariableUses(file, item, uses);
                }

                break;
        }
    }

    private static void ScalarUses(SourceFile file, LocatedScalar scalar, List<VariableUse> uses)
    {
        var value = scalar.Value;
        if (!value.Contains("${", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var placeholder in Placeholders.Find(value))
        {
            if (placeholder.Escaped)
            {
                continue;
            }

            // A block scalar starts on the line after its indicator; find the placeholder's own line and column in the text.
            var newlines = value.AsSpan(0, placeholder.Start).Count('\n');
            var line = value.Contains('\n', StringComparison.Ordinal) ? scalar.Line + 1 + newlines : scalar.Line;
            line = Math.Min(line, file.LineCount);
            var text = file.GetLine(line);
            var at = text.IndexOf(("${" + placeholder.Name).AsSpan(), StringComparison.Ordinal);
            uses.Add(new VariableUse(placeholder.Name, placeholder.HasDefault, line, at >= 0 ? at + 1 : scalar.Column));
        }
    }

    private static SourceLocation Locate(SourceFile file, LocatedNode node) => new(file.RelativePath, node.Line, node.Column);
}
