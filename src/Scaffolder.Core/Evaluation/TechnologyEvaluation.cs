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
