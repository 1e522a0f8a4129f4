namespace Scaffolder.Core.Check;

/// <summary>An app registry input of a ResourceSet (<c>name</c> and <c>path</c>).</summary>
public sealed record RegistryInputFact(string Name, string Path, SourceLocation Location);
