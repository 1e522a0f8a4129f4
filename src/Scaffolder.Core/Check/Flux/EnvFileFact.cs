using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>The <c>KEY=value</c> entries of a <c>.env</c> file.</summary>
public sealed record EnvFileFact(string File, IReadOnlyList<VariableDefinition> Entries);
