namespace Scaffolder.Core.Check;

/// <summary>A chart or image name a manifest deploys, and the object (<c>HelmRelease 'x'</c>) that deploys it.</summary>
public sealed record TechnologyFact(string Subject, string Name, TechnologySource Source, SourceLocation Location);
