using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>A ResourceSet that could not be expanded offline, and why.</summary>
public sealed record UnexpandedResourceSetFact(string Name, string Problem, SourceLocation Location);
