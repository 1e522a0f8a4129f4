namespace Scaffolder.Core.Check.Flux;

/// <summary>A substitution source of one deployed Kustomization, resolved in the repository.</summary>
/// <param name="Description">What it is, for messages: <c>ConfigMap cluster-vars (kubernetes/clusters/live/cluster-vars.env)</c>.</param>
/// <param name="Variables">The variables it defines.</param>
/// <param name="Missing">Why its variables are unknown (named by the chain but not in the repository), or null.</param>
/// <param name="Declared">
/// Whether the repository declares the object (a generator or a manifest), even if a file it reads is missing; false
/// when the repository holds no trace of it (its Flux bootstrap lives elsewhere).
/// </param>
public sealed record ResolvedSource(string Description, IReadOnlyList<VariableDefinition> Variables, string? Missing, bool Declared = true);
