using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>A ConfigMap (or Secret <c>stringData</c>) written as a manifest, whose keys a Kustomization may substitute from.</summary>
public sealed record ConfigMapFact(string Kind, string Name, IReadOnlyList<VariableDefinition> Data, SourceLocation Location);
