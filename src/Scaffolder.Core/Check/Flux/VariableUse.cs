using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>One <c>${name}</c> in a YAML file; <paramref name="HasDefault"/> for <c>${name:-x}</c>, <c>${name:=x}</c>, <c>${name-x}</c>, <c>${name=x}</c>.</summary>
public sealed record VariableUse(string Name, bool HasDefault, int Line, int Column);
