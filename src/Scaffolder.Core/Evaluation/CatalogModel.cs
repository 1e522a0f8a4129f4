namespace Scaffolder.Core.Evaluation;

/// <summary>An existing technology layer of the stack, as listed in the architecture review.</summary>
/// <param name="Id">Stable key used to merge repository overrides (kebab-case, e.g. <c>cache-kv</c>).</param>
/// <param name="Layer">The review's "Layer" column, e.g. <c>Cache/KV</c>.</param>
/// <param name="Technology">The review's "Technology" column, e.g. <c>Dragonfly</c>.</param>
/// <param name="Purpose">The review's "Purpose" column.</param>
/// <param name="Names">Spellings of the existing technology itself.</param>
/// <param name="Capabilities">Short phrases describing what the layer covers.</param>
/// <param name="Alternatives">Well-known alternatives the layer already covers.</param>
public sealed record StackLayer(
    string Id,
    string Layer,
    string Technology,
    string Purpose,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<StackAlternative> Alternatives);

/// <summary>A technology that an existing layer already covers.</summary>
/// <param name="Name">Canonical name, e.g. <c>redis</c>.</param>
/// <param name="Aliases">Other spellings of the same technology.</param>
/// <param name="Reason">One line on why the existing technology covers it.</param>
public sealed record StackAlternative(string Name, IReadOnlyList<string> Aliases, string Reason);

/// <summary>A requirement every addition must satisfy, whatever the evaluation says.</summary>
/// <param name="Id">Stable key, e.g. <c>flux-deployable</c>.</param>
/// <param name="Title">Short title.</param>
/// <param name="Requirement">What satisfying it means in this stack.</param>
/// <param name="Criterion">Id of the evaluation criterion it belongs to.</param>
public sealed record NonNegotiable(string Id, string Title, string Requirement, string Criterion);

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

/// <summary>A question of an evaluation criterion.</summary>
/// <param name="Id">Stable key, unique within its criterion.</param>
/// <param name="Topic">What is scored, e.g. a principle name; null for plain questions.</param>
/// <param name="Text">The question.</param>
/// <param name="Note">The review's parenthetical guidance, e.g. "Must be Flux-deployable"; null when none.</param>
/// <param name="Automatic">True when <see cref="TechnologyEvaluator"/> answers it (the overlap question).</param>
public sealed record CriterionQuestion(string Id, string? Topic, string Text, string? Note, bool Automatic);
