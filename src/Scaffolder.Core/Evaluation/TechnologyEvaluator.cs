namespace Scaffolder.Core.Evaluation;

/// <summary>Answers the mechanical part of the architecture review's evaluation for a proposed technology.</summary>
/// <param name="catalog">The stack catalog, usually <see cref="StackCatalog.LoadDefault"/> extended with the repository's settings.</param>
public sealed class TechnologyEvaluator(StackCatalog catalog)
{
    /// <summary>
    /// Evaluates a technology. Names are matched case-insensitively ignoring '-', '_' and spaces: first the whole
    /// input and its last path segment (<c>bitnami/redis</c>, <c>redis:7</c>), and only if neither matches, the parts
    /// of a compound name (<c>spotahome-redis-operator</c>). Words of <paramref name="purpose"/> are matched against
    /// layer capabilities to give possible overlaps for layers not already overlapped.
    /// </summary>
    /// <param name="technology">Technology or chart name, e.g. <c>redis</c>.</param>
    /// <param name="purpose">What it would be used for, or null.</param>
    public TechnologyEvaluation Evaluate(string technology, string? purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(technology);
        var overlaps = FindOverlaps(technology, compoundParts: true);
        var trimmedPurpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
        return new TechnologyEvaluation(
            technology.Trim(),
            trimmedPurpose,
            overlaps,
            trimmedPurpose is null ? [] : FindPossibleOverlaps(trimmedPurpose, overlaps),
            catalog.NonNegotiables,
            catalog.Criteria);
    }

    /// <summary>
    /// The existing layers a technology overlaps by name: the whole input and its last path segment, and only if
    /// neither matches and <paramref name="compoundParts"/> is set, the parts of a compound name.
    /// </summary>
    /// <param name="technology">Technology, chart or image name.</param>
    /// <param name="compoundParts">Whether to fall back to the parts of a compound name (<c>redis-ha</c> gives redis).</param>
    public List<Overlap> FindOverlaps(string technology, bool compoundParts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(technology);
        var overlaps = FindOverlaps(NameKey.WholeCandidates(technology));
        return overlaps.Count == 0 && compoundParts ? FindOverlaps(NameKey.TokenCandidates(technology)) : overlaps;
    }

    private List<Overlap> FindOverlaps(IEnumerable<string> keys) =>
        keys.Select(catalog.Find)
            .OfType<CatalogEntry>()
            .DistinctBy(e => (e.Layer.Id, e.Alternative?.Name))
            .Select(ToOverlap)
            .ToList();

    private static Overlap ToOverlap(CatalogEntry entry) =>
        entry.Alternative is { } alternative
            ? new Overlap(entry.Layer.Id, entry.Layer.Layer, entry.Layer.Technology, entry.Spelling, OverlapKind.Alternative, alternative.Reason)
            : new Overlap(
                entry.Layer.Id,
                entry.Layer.Layer,
                entry.Layer.Technology,
                entry.Spelling,
                OverlapKind.Existing,
                entry.Layer.Purpose.Length == 0
                    ? $"{entry.Layer.Technology} is already the {entry.Layer.Layer} layer."
                    : $"{entry.Layer.Technology} is already the {entry.Layer.Layer} layer: {entry.Layer.Purpose}.");

    private PossibleOverlap[] FindPossibleOverlaps(string purpose, List<Overlap> overlaps)
    {
        var words = NameKey.Words(purpose);
        return catalog.Layers
            .Where(l => !overlaps.Exists(o => o.LayerId == l.Id))
            .Select(l => new PossibleOverlap(
                l.Id,
                l.Layer,
                l.Technology,
                l.Capabilities.Where(c => NameKey.Words(c) is { Count: > 0 } needed && needed.IsSubsetOf(words)).ToArray()))
            .Where(p => p.MatchedCapabilities.Count > 0)
            .ToArray();
    }
}
