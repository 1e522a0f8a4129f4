using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>A kustomize <c>configMapGenerator</c> or <c>secretGenerator</c> entry.</summary>
/// <param name="Kind">ConfigMap or Secret.</param>
/// <param name="Name">The generated object's name.</param>
/// <param name="EnvFiles">Its <c>envs</c> (and legacy <c>env</c>) files, repo-relative.</param>
/// <param name="Literals">Its <c>literals</c>.</param>
/// <param name="Location">Where the entry is.</param>
public sealed record GeneratedConfigMap(string Kind, string Name, IReadOnlyList<string> EnvFiles, IReadOnlyList<VariableDefinition> Literals, SourceLocation Location);
