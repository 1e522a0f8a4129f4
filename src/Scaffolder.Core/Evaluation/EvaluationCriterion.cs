namespace Scaffolder.Core.Evaluation;

/// <summary>One of the six evaluation criteria of the architecture review.</summary>
/// <param name="Id">Stable key, e.g. <c>stack-fit</c>.</param>
/// <param name="Title">Title, e.g. <c>Stack Fit</c>.</param>
/// <param name="Description">One-line description.</param>
/// <param name="Scoring">Allowed scores per question (e.g. Strong/Weak/Neutral), empty when the questions are answered in prose.</param>
/// <param name="Questions">The questions to answer.</param>
public sealed record EvaluationCriterion(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Scoring,
    IReadOnlyList<CriterionQuestion> Questions);
