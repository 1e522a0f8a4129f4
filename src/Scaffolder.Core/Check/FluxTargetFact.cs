namespace Scaffolder.Core.Check;

/// <summary>A Flux Kustomization's <c>spec.path</c> (repo-relative, no <c>./</c>) and the <c>targetNamespace</c> it gives objects without one.</summary>
public sealed record FluxTargetFact(string Path, string TargetNamespace);
