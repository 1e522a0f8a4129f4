namespace Scaffolder.Core.Evaluation;

/// <summary>
/// The current technology stack (layers, the alternatives each already covers), the review's non-negotiables and
/// its six evaluation criteria. Immutable; <see cref="Extend(EvaluateSettings)"/> returns a new catalog.
/// </summary>
public sealed class StackCatalog
{
    /// <summary>Logical name of the built-in catalog embedded in the assembly.</summary>
    public const string ResourceName = "resources/stack-catalog.yaml";

    private readonly Dictionary<string, CatalogEntry> entries;

    private StackCatalog(
        IReadOnlyList<StackLayer> layers,
        IReadOnlyList<NonNegotiable> nonNegotiables,
        IReadOnlyList<EvaluationCriterion> criteria)
    {
        Layers = layers;
        NonNegotiables = nonNegotiables;
        Criteria = criteria;
        entries = Index(layers);
    }

    /// <summary>Existing layers, in catalog order.</summary>
    public IReadOnlyList<StackLayer> Layers { get; }

    /// <summary>Requirements every addition must satisfy.</summary>
    public IReadOnlyList<NonNegotiable> NonNegotiables { get; }

    /// <summary>The six evaluation criteria with their questions.</summary>
    public IReadOnlyList<EvaluationCriterion> Criteria { get; }

    /// <summary>Number of alternative spellings known (each alternative's name plus its aliases).</summary>
    public int AliasCount => Layers.Sum(l => l.Alternatives.Sum(a => 1 + a.Aliases.Count));

    /// <summary>Parses a catalog from YAML text (the format of the embedded <c>stack-catalog.yaml</c>).</summary>
    /// <exception cref="StackCatalogException">The YAML is malformed, an entry lacks a required field, or a name is claimed by two layers.</exception>
    public static StackCatalog Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var document = CatalogYaml.ReadCatalog(yaml);
        var layers = document.Layers
            .Select(d => CatalogYaml.ToLayer(d, (d.Alternatives ?? []).Select(a => CatalogYaml.ToAlternative(a, d.Layer ?? d.Id ?? string.Empty)).ToArray()))
            .ToArray();
        return new StackCatalog(
            layers,
            document.NonNegotiables.Select(CatalogYaml.ToNonNegotiable).ToArray(),
            document.Criteria.Select(CatalogYaml.ToCriterion).ToArray());
    }

    /// <summary>Loads the built-in catalog embedded as <see cref="ResourceName"/>.</summary>
    public static StackCatalog LoadDefault()
    {
        using var stream = typeof(StackCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new StackCatalogException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// Returns a catalog with a repository's additions and overrides applied, in order. A definition whose
    /// <c>id</c> or <c>layer</c> matches an existing layer overrides its non-empty scalar fields, adds names and
    /// capabilities, and adds or replaces alternatives by name (a replacement that omits <c>aliases</c> or
    /// <c>reason</c> keeps the old ones). Any other definition adds a layer, which needs <c>layer</c>,
    /// <c>technology</c> and a <c>reason</c> per alternative. A name or alias a definition mentions is removed
    /// from every other place in the catalog, so the repository's placement wins.
    /// </summary>
    /// <exception cref="StackCatalogException">A new layer or alternative lacks a required field.</exception>
    public StackCatalog Extend(EvaluateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var layers = Layers.ToList();
        foreach (var definition in settings.Layers)
        {
            layers = Apply(layers, definition);
        }

        return new StackCatalog(layers, NonNegotiables, Criteria);
    }

    /// <summary>Finds the entry a normalised key (see <see cref="NameKey.Of"/>) names.</summary>
    internal CatalogEntry? Find(string key) => entries.GetValueOrDefault(key);

    private static List<StackLayer> Apply(List<StackLayer> layers, LayerDefinition definition)
    {
        var target = layers.Find(l => Matches(l, definition));
        var layerName = target?.Layer ?? definition.Layer ?? definition.Id ?? string.Empty;
        var known = layers.SelectMany(l => l.Alternatives).ToArray();
        var alternatives = (definition.Alternatives ?? [])
            .Select(d => CatalogYaml.ToAlternative(d, layerName, Previous(known, d.Name)))
            .ToArray();
        var names = CatalogYaml.Clean(definition.Names);
        var claimed = names.Concat(alternatives.SelectMany(a => a.Aliases.Prepend(a.Name))).Select(NameKey.Of).ToHashSet();
        var released = layers.Select(l => Release(l, claimed)).ToList();
        if (target is null)
        {
            released.Add(CatalogYaml.ToLayer(definition, alternatives));
            return released;
        }

        var index = released.FindIndex(l => l.Id == target.Id);
        var current = released[index];
        released[index] = current with
        {
            Layer = CatalogYaml.Blank(definition.Layer) ?? current.Layer,
            Technology = CatalogYaml.Blank(definition.Technology) ?? current.Technology,
            Purpose = CatalogYaml.Blank(definition.Purpose) ?? current.Purpose,
            Names = current.Names.Concat(names).DistinctBy(NameKey.Of).ToArray(),
            Capabilities = current.Capabilities.Concat(CatalogYaml.Clean(definition.Capabilities)).DistinctBy(NameKey.Of).ToArray(),
            Alternatives = current.Alternatives.Concat(alternatives).ToArray(),
        };
        return released;
    }

    private static bool Matches(StackLayer layer, LayerDefinition definition) =>
        (!string.IsNullOrWhiteSpace(definition.Id) && NameKey.Of(definition.Id) == NameKey.Of(layer.Id))
        || (!string.IsNullOrWhiteSpace(definition.Layer) && NameKey.Of(definition.Layer) == NameKey.Of(layer.Layer));

    private static StackAlternative? Previous(IEnumerable<StackAlternative> known, string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : known.FirstOrDefault(a => NameKey.Of(a.Name) == NameKey.Of(name));

    private static StackLayer Release(StackLayer layer, HashSet<string> claimed) => layer with
    {
        Names = layer.Names.Where(n => !claimed.Contains(NameKey.Of(n))).ToArray(),
        Alternatives = layer.Alternatives
            .Where(a => !claimed.Contains(NameKey.Of(a.Name)))
            .Select(a => a with { Aliases = a.Aliases.Where(x => !claimed.Contains(NameKey.Of(x))).ToArray() })
            .ToArray(),
    };

    private static Dictionary<string, CatalogEntry> Index(IReadOnlyList<StackLayer> layers)
    {
        var index = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var name in layer.Names)
            {
                Add(index, new CatalogEntry(layer, name, Alternative: null));
            }

            foreach (var alternative in layer.Alternatives)
            {
                foreach (var spelling in alternative.Aliases.Prepend(alternative.Name))
                {
                    Add(index, new CatalogEntry(layer, spelling, alternative));
                }
            }
        }

        return index;
    }

    private static void Add(Dictionary<string, CatalogEntry> index, CatalogEntry entry)
    {
        var key = NameKey.Of(entry.Spelling);
        if (!index.TryGetValue(key, out var existing))
        {
            index.Add(key, entry);
        }
        else if (existing.Layer.Id != entry.Layer.Id || existing.Alternative != entry.Alternative)
        {
            throw new StackCatalogException(
                $"'{entry.Spelling}' is listed under both '{existing.Layer.Layer}' and '{entry.Layer.Layer}'.");
        }
    }
}

/// <summary>A catalog name: the existing technology of a layer (no alternative) or one of its alternatives.</summary>
internal sealed record CatalogEntry(StackLayer Layer, string Spelling, StackAlternative? Alternative);
