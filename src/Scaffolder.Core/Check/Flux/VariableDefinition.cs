using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>A substitution variable defined somewhere (env file line, generator literal, ConfigMap key, inline substitute).</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record VariableDefinition(string Name, string Value, SourceLocation Location);
