namespace Scaffolder.Core.Evaluation;

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
