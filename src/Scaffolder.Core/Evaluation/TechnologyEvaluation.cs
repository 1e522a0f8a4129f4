namespace Scaffolder.Core.Evaluation;

/// <summary>
/// The result of evaluating a proposed technology against the stack catalog. It is also the data object the ADR
/// template renders (see <see cref="EvaluationFormatter.ToStackFitMarkdown"/> for a ready-made section).
/// </summary>
/// <param name="Technology">The technology as given.</param>
/// <param name="Purpose">The purpose as given, or null.</param>
/// <param name="Overlaps">Existing layers the technology overlaps by name.</param>
/// <param name="PossibleOverlaps">Weaker hints: layers whose capabilities the purpose mentions.</param>
/// <param name="NonNegotiables">Requirements the technology must satisfy.</param>
/// <param name="Criteria">The six criteria checklist.</param>
public sealed record TechnologyEvaluation(
    string Technology,
    string? Purpose,
    IReadOnlyList<Overlap> Overlaps,
    IReadOnlyList<PossibleOverlap> PossibleOverlaps,
    IReadOnlyList<NonNegotiable> NonNegotiables,
    IReadOnlyList<EvaluationCriterion> Criteria)
{
    /// <summary>True when the technology overlaps at least one existing layer.</summary>
    public bool HasOverlap => Overlaps.Count > 0;

    /// <summary>Process exit code for <c>scaffold evaluate</c>: 1 when it overlaps an existing layer, else 0.</summary>
    public int ExitCode => HasOverlap ? 1 : 0;
}

/// <summary>How a technology overlaps an existing layer.</summary>
public enum OverlapKind
{
    /// <summary>It is an alternative the layer's technology already covers (e.g. redis for Dragonfly).</summary>
    Alternative,

    /// <summary>It is the layer's existing technology itself (e.g. longhorn).</summary>
    Existing,
}

/// <summary>An overlap with an existing layer, found by name.</summary>
/// <param name="LayerId">Catalog id of the layer, e.g. <c>cache-kv</c>.</param>
/// <param name="Layer">Layer name, e.g. <c>Cache/KV</c>.</param>
/// <param name="ExistingTechnology">The layer's technology, e.g. <c>Dragonfly</c>.</param>
/// <param name="MatchedAlias">The catalog spelling that matched, e.g. <c>valkey</c>.</param>
/// <param name="Kind">Whether it is an alternative or the existing technology itself.</param>
/// <param name="Reason">Why the existing technology covers it.</param>
public sealed record Overlap(
    string LayerId,
    string Layer,
    string ExistingTechnology,
    string MatchedAlias,
    OverlapKind Kind,
    string Reason);

/// <summary>A weaker hint: the stated purpose mentions capabilities an existing layer covers.</summary>
/// <param name="LayerId">Catalog id of the layer.</param>
/// <param name="Layer">Layer name.</param>
/// <param name="ExistingTechnology">The layer's technology.</param>
/// <param name="MatchedCapabilities">The capabilities the purpose mentions.</param>
public sealed record PossibleOverlap(
    string LayerId,
    string Layer,
    string ExistingTechnology,
    IReadOnlyList<string> MatchedCapabilities);
