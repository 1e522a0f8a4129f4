namespace Scaffolder.Core.Evaluation;

/// <summary>A question of an evaluation criterion.</summary>
/// <param name="Id">Stable key, unique within its criterion.</param>
/// <param name="Topic">What is scored, e.g. a principle name; null for plain questions.</param>
/// <param name="Text">The question.</param>
/// <param name="Note">The review's parenthetical guidance, e.g. "Must be Flux-deployable"; null when none.</param>
/// <param name="Automatic">True when <see cref="TechnologyEvaluator"/> answers it (the overlap question).</param>
public sealed record CriterionQuestion(string Id, string? Topic, string Text, string? Note, bool Automatic);
