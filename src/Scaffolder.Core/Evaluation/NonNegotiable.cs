namespace Scaffolder.Core.Evaluation;

/// <summary>A requirement every addition must satisfy, whatever the evaluation says.</summary>
/// <param name="Id">Stable key, e.g. <c>flux-deployable</c>.</param>
/// <param name="Title">Short title.</param>
/// <param name="Requirement">What satisfying it means in this stack.</param>
/// <param name="Criterion">Id of the evaluation criterion it belongs to.</param>
public sealed record NonNegotiable(string Id, string Title, string Requirement, string Criterion);
