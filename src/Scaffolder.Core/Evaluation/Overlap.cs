namespace Scaffolder.Core.Evaluation;

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
