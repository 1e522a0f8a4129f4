using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>A YAML file and the substitution variables its documents use (documents with substitution disabled left out).</summary>
public sealed record YamlFileFact(string File, IReadOnlyList<VariableUse> Uses);
