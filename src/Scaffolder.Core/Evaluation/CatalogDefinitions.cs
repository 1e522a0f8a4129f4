namespace Scaffolder.Core.Evaluation;

/// <summary>
/// The <c>evaluate:</c> section of a repository's <c>.scaffold.yaml</c>: layers to add to, or override in,
/// the built-in stack catalog. See <see cref="StackCatalog.Extend(EvaluateSettings)"/> for the merge rules.
/// </summary>
public sealed class EvaluateSettings
{
    /// <summary>Layers to add or override, in the same shape as the built-in catalog's layers.</summary>
    public IList<LayerDefinition> Layers { get; init; } = [];

    /// <summary>
    /// Reads the <c>evaluate:</c> section from the full text of a <c>.scaffold.yaml</c>, ignoring every other
    /// top-level section. Returns empty settings when the section is absent.
    /// </summary>
    /// <exception cref="StackCatalogException">The section is malformed.</exception>
    public static EvaluateSettings FromScaffoldYaml(string scaffoldYaml) => CatalogYaml.ReadEvaluateSection(scaffoldYaml);
}

/// <summary>A layer as written in YAML (the built-in catalog or a repository's <c>evaluate.layers</c>).</summary>
public sealed class LayerDefinition
{
    /// <summary>Stable key; an override matches an existing layer by this id or by <see cref="Layer"/>.</summary>
    public string? Id { get; init; }

    /// <summary>Layer name, e.g. <c>Cache/KV</c>.</summary>
    public string? Layer { get; init; }

    /// <summary>Existing technology, e.g. <c>Dragonfly</c>.</summary>
    public string? Technology { get; init; }

    /// <summary>What the technology is used for.</summary>
    public string? Purpose { get; init; }

    /// <summary>Spellings of the existing technology itself.</summary>
    public IList<string>? Names { get; init; }

    /// <summary>Short phrases the layer covers.</summary>
    public IList<string>? Capabilities { get; init; }

    /// <summary>Alternatives the layer already covers.</summary>
    public IList<AlternativeDefinition>? Alternatives { get; init; }
}

/// <summary>An alternative as written in YAML.</summary>
public sealed class AlternativeDefinition
{
    /// <summary>Canonical name.</summary>
    public string? Name { get; init; }

    /// <summary>Other spellings.</summary>
    public IList<string>? Aliases { get; init; }

    /// <summary>Why the existing technology covers it.</summary>
    public string? Reason { get; init; }
}

/// <summary>The built-in catalog file: layers plus the review's non-negotiables and criteria.</summary>
internal sealed class CatalogDocument
{
    public IList<LayerDefinition> Layers { get; set; } = [];

    public IList<NonNegotiableDefinition> NonNegotiables { get; set; } = [];

    public IList<CriterionDefinition> Criteria { get; set; } = [];
}

internal sealed class NonNegotiableDefinition
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Requirement { get; set; }

    public string? Criterion { get; set; }
}

internal sealed class CriterionDefinition
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public IList<string>? Scoring { get; set; }

    public IList<QuestionDefinition> Questions { get; set; } = [];
}

internal sealed class QuestionDefinition
{
    public string? Id { get; set; }

    public string? Topic { get; set; }

    public string? Text { get; set; }

    public string? Note { get; set; }

    public bool Automatic { get; set; }
}
