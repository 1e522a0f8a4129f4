using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>A kustomize kustomization file and what it builds from.</summary>
/// <param name="File">The kustomization file, repo-relative.</param>
/// <param name="Directory">Its folder, repo-relative.</param>
/// <param name="Resources">Local <c>resources</c> and <c>components</c> (files or folders), repo-relative.</param>
/// <param name="Included">Other files the build reads as YAML: generator <c>files</c>, <c>patches</c>, <c>crds</c>, <c>configurations</c>.</param>
/// <param name="Patches">The files of <c>patches[].path</c> and <c>patchesStrategicMerge</c> (partial objects).</param>
/// <param name="Generators">Its ConfigMap and Secret generators.</param>
public sealed record KustomizeFact(
    string File,
    string Directory,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Included,
    IReadOnlyList<string> Patches,
    IReadOnlyList<GeneratedConfigMap> Generators);
